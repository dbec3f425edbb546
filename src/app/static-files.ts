import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import type { Route } from "./http-server.js";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
};

/** Vite names what it builds into assets/ by content hash: a changed file gets a new name, so these keep for a year. */
const HASHED = "public, max-age=31536000, immutable";
/** index.html names the current assets: always asked again. */
const REVALIDATE = "no-cache";

export interface StaticFilesOptions {
  /** The URL path served, with its trailing slash (/miniapp/). */
  mount: string;
  /** The built files. */
  dir: string;
  /** Paths under the mount that are someone else's (the API): left to the next route. */
  except?: string;
}

/**
 * Serves a built single-page app: files under `dir` only (a path leaving it, encoded or not, is a 404;
 * a malformed %-escape a 400), content types, a year's cache for hashed assets, and index.html for
 * any other path that is not a file (the page's own routes).
 */
export function staticFiles(options: StaticFilesOptions): Route {
  const root = resolve(options.dir);
  const mountBare = options.mount.replace(/\/$/, "");
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0]!;
    if (path === mountBare) {
      res.writeHead(301, { location: options.mount }).end();
      return true;
    }
    if (!path.startsWith(options.mount) || (options.except && path.startsWith(options.except))) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return true;
    }
    const plain = (status: number, text: string) => void res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
    let relative: string;
    try {
      relative = decodeURIComponent(path.slice(options.mount.length));
    } catch {
      plain(400, "bad request");
      return true;
    }
    if (relative.includes("\0")) {
      plain(400, "bad request");
      return true;
    }
    const file = resolve(root, relative === "" ? "index.html" : relative);
    if (file !== root && !file.startsWith(root + sep)) {
      plain(404, "not found");
      return true;
    }
    const found = await stat(file).then(
      (info) => info.isFile(),
      () => false,
    );
    // A missing asset is a 404 (a stale page asking for an old build), not the page.
    if (!found && relative.startsWith("assets/")) {
      plain(404, "not found");
      return true;
    }
    const served = found ? file : resolve(root, "index.html");
    let body: Buffer;
    try {
      body = await readFile(served);
    } catch {
      plain(404, "the Mini App is not built (npm run build)");
      return true;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(served).toLowerCase()] ?? "application/octet-stream",
      "cache-control": found && relative.startsWith("assets/") ? HASHED : REVALIDATE,
      "x-content-type-options": "nosniff",
      "content-length": body.length,
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
