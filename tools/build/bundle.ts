/**
 * The production build's JavaScript: one file per entry, bundled by esbuild with its dependencies.
 * Node 20 has no compile cache, and loading some 1,100 separate modules (resolving, lexing CommonJS,
 * compiling each) was most of the bot's start-up (bench/README.md, session 8).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** esbuild's keepNames helper, as it emits it. */
const NAME_HELPER = 'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';
/**
 * The same helper naming only classes and plain functions (they have a prototype): the arrows and
 * async functions made on every update keep V8's own name instead of a defineProperty each.
 */
const NAME_HELPER_FOR_CLASSES =
  'var __name = (target, value) => target.prototype === undefined ? target : __defProp(target, "name", { value, configurable: true });';

/**
 * The bundle is written one folder below the build's root (dist/server/main.js), as every source is
 * in src/<folder>/: paths taken relative to a module (../locales, ../../events) resolve the same.
 */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // Classes keep their names when esbuild renames them apart: node-fetch checks an AbortSignal's
    // constructor name, and logs name an error by its class.
    keepNames: true,
    // CommonJS dependencies bundled into an ES module still call require and read __dirname.
    banner: {
      js: [
        'import { createRequire as __createRequire } from "node:module";',
        'import { dirname as __pathDirname } from "node:path";',
        'import { fileURLToPath as __fileURLToPath } from "node:url";',
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        "const __dirname = __pathDirname(__filename);",
      ].join("\n"),
    },
  });
  const code = readFileSync(outfile, "utf8");
  if (!code.includes(NAME_HELPER)) throw new Error("esbuild's __name helper changed: update NAME_HELPER in tools/build/bundle.ts");
  writeFileSync(outfile, code.replace(NAME_HELPER, NAME_HELPER_FOR_CLASSES));
}

// npm run build: the bot.
if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle("src/main.ts", "dist/server/main.js");
