import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../src/cli/main";
import { parseServeArgs, serveCommand, serveSubcommand, startStaticServer } from "../src/cli/serve";
import type { StaticServer } from "../src/cli/serve";

// The static server behind `pnpm demo serve`, on a folder of its own (no build needed).

describe("the static server", () => {
  let server: StaticServer;

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), "descent-serve-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
    writeFileSync(join(root, "app.js"), "export {};");
    writeFileSync(join(root, "data.csv.gz"), Buffer.from([0x1f, 0x8b]));
    server = await startStaticServer(root, { port: 0 });
  });

  afterAll(async () => {
    await server.close();
  });

  test("listens on 127.0.0.1 and serves index.html for the folder", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect(await response.text()).toBe("<!doctype html><title>t</title>");
  });

  test("names each file's type; a gzip file is sent as it is, not as an encoding", async () => {
    expect((await fetch(`${server.url}app.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const gz = await fetch(`${server.url}data.csv.gz`);
    expect(gz.headers.get("content-type")).toBe("application/gzip");
    expect(gz.headers.get("content-encoding")).toBeNull();
    expect(Array.from(new Uint8Array(await gz.arrayBuffer()))).toEqual([0x1f, 0x8b]);
  });

  test("answers 404 for missing files and paths that leave the folder, 405 for writes", async () => {
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}%E0`)).status).toBe(404);
    expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
    const head = await fetch(`${server.url}app.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("10");
  });

  test("a taken port is refused with a fix", async () => {
    const port = Number(new URL(server.url).port);
    await expect(startStaticServer(".", { port })).rejects.toThrow(`port ${port} is in use`);
  });
});

describe("serve's arguments", () => {
  test("--port N, --port=N and --build", () => {
    expect(parseServeArgs([])).toEqual({ port: 5180, build: false });
    expect(parseServeArgs(["--port", "0"])).toEqual({ port: 0, build: false });
    expect(parseServeArgs(["--port=8080", "--build"])).toEqual({ port: 8080, build: true });
  });

  test("a bad port or an unknown option says what to write", () => {
    expect(() => parseServeArgs(["--port"])).toThrow("--port is missing its value");
    expect(() => parseServeArgs(["--port", "70000"])).toThrow("--port is 70000");
    expect(() => parseServeArgs(["--port=1.5"])).toThrow("--port is 1.5");
    expect(() => parseServeArgs(["--host", "0.0.0.0"])).toThrow("serve does not take --host");
  });
});

describe("pnpm demo serve", () => {
  test("prints the URL of the served playground", async () => {
    const printed: string[] = [];
    const server = await serveCommand(["--port", "0"], (text) => printed.push(text));
    try {
      expect(printed.join("")).toContain(`descent playground: ${server.url}`);
      const page = await fetch(server.url);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await page.text()).toContain("<title>descent playground</title>");
    } finally {
      await server.close();
    }
  });

  test("as the CLI's serve subcommand, a bad port is a fixable input error (exit code 2)", async () => {
    const errors: string[] = [];
    const io = {
      stdout: () => undefined,
      stderr: (text: string) => errors.push(text),
      baseDir: ".",
      defaultOut: "report",
      subcommands: { serve: serveSubcommand },
    };
    expect(await main(["serve", "--port", "x"], io)).toBe(2);
    expect(errors.join("")).toBe("descent demo: --port is x; give an integer from 0 to 65535 (0: any free port)\n");
  });
});
