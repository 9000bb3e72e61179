/// <reference types="node" />
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it, vi } from "vitest";

it("the README's first example prints what the README says it prints", async () => {
  const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const stated = /\/\/ prints (.*)/.exec(code)?.[1];
  expect(stated).toBeDefined();
  const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "tensor-readme-"));
  const file = join(dir, "example.ts");
  writeFileSync(file, code.replace('from "@descent/tensor"', `from ${JSON.stringify(entry)}`));
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    await import(file);
    expect(log.mock.calls.map((args) => args.join(" "))).toEqual([stated]);
  } finally {
    log.mockRestore();
    rmSync(dir, { recursive: true });
  }
});
