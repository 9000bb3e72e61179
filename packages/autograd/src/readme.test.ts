// Runs the README's first TypeScript block and checks each `// prints …` comment against what
// console.log printed, so the README cannot go stale.
import { readFileSync } from "node:fs";
import { formatWithOptions } from "node:util";
import * as tensor from "@descent/tensor";
import { describe, expect, it } from "vitest";
import * as autograd from "./index";

describe("README", () => {
  it("prints what its example says it prints", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const block = /```ts\n([\s\S]*?)```/.exec(readme)![1];
    const expected = [...block.matchAll(/\/\/ prints (.*)$/gm)].map((m) => m[1]);
    // The block is plain JavaScript apart from its imports, which become parameters.
    const body = block.replace(/^import \{([^}]*)\} from "@descent\/(tensor|autograd)";$/gm, (_, names: string, from: string) => `const {${names}} = ${from};`);
    const printed: string[] = [];
    const log = (...args: unknown[]): void => {
      printed.push(formatWithOptions({ colors: false }, ...args));
    };
    // Evaluating the README's own text is the point of this test.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function("tensor", "autograd", "console", body) as (t: unknown, a: unknown, c: unknown) => void;
    run(tensor, autograd, { log });
    expect(printed).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});
