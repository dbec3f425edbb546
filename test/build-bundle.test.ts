import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../tools/build/bundle.js";

const dir = mkdtempSync(join(tmpdir(), "wealmaty-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the production bundle (npm run build)", () => {
  it("keeps the names of classes and plain functions that esbuild renames apart, which logs and checks read", async () => {
    // Two modules with a class and a function of the same names: esbuild renames one of each.
    for (const side of ["a", "b"]) {
      writeFileSync(
        join(dir, `${side}.ts`),
        `export class HttpError extends Error { constructor() { super("${side}"); this.name = new.target.name; } }
         export function describe() { return "${side}"; }
         export const makeTap = () => () => "${side}";`,
      );
    }
    writeFileSync(
      join(dir, "entry.ts"),
      `import * as a from "./a.js"; import * as b from "./b.js";
       export const classes = [a.HttpError.name, b.HttpError.name, new b.HttpError().name];
       export const functions = [a.describe.name, b.describe.name];
       export const taps = [a.makeTap()(), b.makeTap()()];`,
    );
    const outfile = join(dir, "out", "entry.js");
    await bundle(join(dir, "entry.ts"), outfile);
    const built = (await import(pathToFileURL(outfile).href)) as Record<string, string[]>;
    expect(built.classes).toEqual(["HttpError", "HttpError", "HttpError"]);
    expect(built.functions).toEqual(["describe", "describe"]);
    expect(built.taps).toEqual(["a", "b"]);
  });
});
