import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { BadInputError } from "../errors";
import type { Subcommand } from "./subcommands";

/** The built playground (apps/demo/web-dist) and the Vite config that builds it. */
export const playgroundDir = fileURLToPath(new URL("../../web-dist/", import.meta.url));
const viteConfig = fileURLToPath(new URL("../../vite.config.ts", import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".gz": "application/gzip",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Cross-origin isolation (COOP + COEP), so the page may use SharedArrayBuffer and precise timers
 * in every browser; it also proves the page loads nothing from another origin, which COEP
 * would block.
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
  "cross-origin-resource-policy": "same-origin",
  "x-content-type-options": "nosniff",
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}

/** The file a request path names inside `root`, or null for a path that leaves it or names nothing. */
function fileFor(root: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return null;
  }
  const file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (!existsSync(file)) return null;
  const target = statSync(file).isDirectory() ? join(file, "index.html") : file;
  return existsSync(target) && statSync(target).isFile() ? target : null;
}

function handle(root: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    reply(response, 405, "405 method not allowed\n");
    return;
  }
  const file = fileFor(root, request.url ?? "/");
  if (file === null) {
    reply(response, 404, "404 not found\n");
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": statSync(file).size,
    "cache-control": "no-cache",
  });
  if (request.method === "HEAD") response.end();
  else createReadStream(file).pipe(response);
}

/** Serves the files under `root` on `host:port` (port 0: any free port); resolves once listening. */
export function startStaticServer(root: string, options: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const base = resolve(root);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((request, response) => {
    handle(base, request, response);
  });
  return new Promise((done, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") fail(new BadInputError(`port ${options.port ?? 0} is in use`, "choose another with --port N, or --port 0 for any free port"));
      else fail(error);
    });
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise((closed) => {
            server.closeAllConnections();
            server.close(() => {
              closed();
            });
          }),
      });
    });
  });
}

/** Builds the page into web-dist with Vite (`pnpm --filter @descent/demo build:web` does the same). */
export async function buildPlayground(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: viteConfig, logLevel: "warn" });
}

/** `serve [--port N] [--build]`: the port (default 5180) and whether to rebuild first. */
export function parseServeArgs(argv: readonly string[]): { port: number; build: boolean } {
  let port = 5180;
  let build = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (arg === "--build") {
      build = true;
      continue;
    }
    let text: string;
    if (arg === "--port") text = i + 1 < argv.length ? argv[++i] : "";
    else if (arg.startsWith("--port=")) text = arg.slice("--port=".length);
    else throw new BadInputError(`serve does not take ${arg}`, "write `pnpm demo serve [--port N] [--build]`");
    const value = Number(text);
    if (text.trim() === "" || !Number.isInteger(value) || value < 0 || value > 65535) {
      throw new BadInputError(`--port is ${text === "" ? "missing its value" : text}`, "give an integer from 0 to 65535 (0: any free port)");
    }
    port = value;
  }
  return { port, build };
}

/**
 * `pnpm demo serve`: serves the playground on 127.0.0.1 and prints its URL; builds it first
 * when it was never built (or with --build). The open server keeps the process running until
 * it is interrupted.
 */
export async function serveCommand(argv: readonly string[], write: (text: string) => void = (text) => process.stdout.write(text)): Promise<StaticServer> {
  const { port, build } = parseServeArgs(argv);
  if (build || !existsSync(join(playgroundDir, "index.html"))) {
    write("Building the playground (vite build)…\n");
    await buildPlayground();
  }
  const server = await startStaticServer(playgroundDir, { port });
  write(`descent playground: ${server.url}\n(Ctrl-C to stop)\n`);
  return server;
}

/** The `serve` entry for the CLI's subcommand table (src/cli/subcommands.ts). */
export const serveSubcommand: Subcommand = {
  summary: "serve the browser playground on 127.0.0.1 and print its URL (--port N, default 5180; --build to rebuild it)",
  async run(io) {
    await serveCommand(io.argv, io.stdout);
    return 0;
  },
};
