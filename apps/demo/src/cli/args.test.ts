import { describe, expect, it } from "vitest";
import { BadInputError } from "../errors";
import { parseArgs } from "./args";

const parse = (...argv: string[]) => parseArgs(argv, "/home/me", "/repo/apps/demo/report");

describe("parseArgs", () => {
  it("defaults to the tour on digits with the default report folder", () => {
    expect(parse()).toEqual({ experiments: [], data: "digits", out: "/repo/apps/demo/report", seed: 0, size: null, epochs: null, optimizers: null, help: false });
  });

  it("reads experiments and options in both spellings, paths relative to the caller's folder", () => {
    const args = parse("optimizers", "--seed", "3", "--out=r", "--data", "fashion-mnist", "--optimizers", "sgd,adam", "--epochs", "2", "--size", "tiny", "landscapes");
    expect(args).toMatchObject({ experiments: ["optimizers", "landscapes"], seed: 3, out: "/home/me/r", data: "fashion-mnist", optimizers: ["sgd", "adam"], epochs: 2, size: "tiny" });
    expect(parse("--data", "idx").data).toBe("/home/me/idx");
    expect(parse("--no-report").out).toBeNull();
    expect(parse("-h").help).toBe(true);
  });

  it("rejects unknown options and bad values with the fix", () => {
    for (const argv of [["--frob"], ["--seed", "x"], ["--epochs", "0"], ["--size", "huge"], ["--optimizers", "sgd,lion"], ["--out"]]) {
      expect(() => parse(...argv)).toThrow(BadInputError);
    }
    try {
      parse("--optimizers", "lion");
    } catch (error) {
      expect((error as BadInputError).fix).toContain("adam");
    }
  });
});
