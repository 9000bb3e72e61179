import { describe, expect, it } from "vitest";
import readme from "../README.md?raw";
import * as schedulers from "./index";

const IMPORT = /^import \{([^}]*)\} from "@descent\/schedulers";\n/m;

/** Runs a README code block with the package's exports in scope; returns what it printed. */
function run(code: string): string[] {
  const match = IMPORT.exec(code);
  if (match === null) throw new Error("a README example must import from @descent/schedulers");
  const names = match[1].split(",").map((n) => n.trim()).filter((n) => n !== "");
  const printed: string[] = [];
  const console = { log: (...args: unknown[]) => printed.push(args.map(String).join(" ")) };
  const values = names.map((n) => (schedulers as Record<string, unknown>)[n]);
  // The examples are plain JavaScript in a ts block; running them is the point of this test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const example = new Function("console", ...names, code.replace(IMPORT, "")) as (...args: unknown[]) => void;
  example(console, ...values);
  return printed;
}

describe("README", () => {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

  it("has runnable examples", () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  for (const [i, code] of blocks.entries()) {
    it(`example ${i + 1} prints what it says`, () => {
      const stated = [...code.matchAll(/^\/\/ prints (.*)$/gm)].map((m) => m[1]);
      expect(stated.length).toBeGreaterThan(0);
      expect(run(code)).toEqual(stated);
    });
  }
});
