import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import * as tensor from "@descent/tensor";
import { expect, it } from "vitest";
import * as init from "./index";

/*
 * The README's example must run and print what the README says (STYLE.md, habit 4). Its imports are
 * rewritten to read from the modules this test already loaded; the example itself is plain JavaScript
 * that type-checks as TypeScript.
 */
it("runs the README example and prints the stated output", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  const stated = /prints\n\n```text\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code).toBeDefined();
  expect(stated).toBeDefined();
  const modules: Record<string, unknown> = { "@descent/init": init, "@descent/tensor": tensor };
  const body = (code ?? "").replace(
    /^import \{([^}]*)\} from "([^"]+)";$/gm,
    (_, names: string, from: string) => `const {${names}} = modules[${JSON.stringify(from)}];`,
  );
  const printed: string[] = [];
  const console = { log: (...values: unknown[]) => printed.push(values.map((v) => (typeof v === "string" ? v : inspect(v)) /* as console.log formats */).join(" ")) };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the README's own code is the point
  const example = new Function("modules", "console", body) as (m: typeof modules, c: typeof console) => void;
  example(modules, console);
  expect(printed.join("\n")).toBe((stated ?? "").trimEnd());
});

