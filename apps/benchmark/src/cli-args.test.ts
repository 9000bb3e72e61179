import { describe, expect, it } from "vitest";
import { UsageError, parseArgs } from "./cli-args";
import { PEER_NAMES, SECTION_NAMES } from "./result";

describe("parseArgs", () => {
  it("runs every section with every peer by default", () => {
    const o = parseArgs([]);
    expect(o.sections).toEqual([...SECTION_NAMES]);
    expect(o.peers).toEqual([...PEER_NAMES]);
    expect(o.quick).toBe(false);
    expect(o.json).toBeNull();
  });

  it("takes sections in canonical order, --quick, --json and --peers", () => {
    const o = parseArgs(["second-order", "tensor", "--quick", "--json", "out/r.json", "--peers=tfjs-wasm,scipy"]);
    expect(o.sections).toEqual(["tensor", "second-order"]);
    expect(o.quick).toBe(true);
    expect(o.json).toBe("out/r.json");
    expect(o.peers).toEqual(["tfjs-wasm", "scipy"]);
    expect(parseArgs(["--peers", "none"]).peers).toEqual([]);
  });

  it("rejects unknown sections, options and peers, and a missing value", () => {
    expect(() => parseArgs(["tensr"])).toThrow(UsageError);
    expect(() => parseArgs(["tensr"])).toThrow(/unknown section "tensr"/);
    expect(() => parseArgs(["--fast"])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(["--peers", "jax"])).toThrow(/unknown peer "jax"/);
    expect(() => parseArgs(["--json"])).toThrow(/--json needs a value/);
  });
});
