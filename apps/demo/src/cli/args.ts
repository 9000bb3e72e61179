import { isAbsolute, resolve } from "node:path";
import { BadInputError } from "../errors";
import type { Size } from "../experiments/experiment";
import { sizes } from "../experiments/experiment";
import { optimizerNames } from "../model/optimizers";
import type { OptimizerName } from "../model/optimizers";

export interface RunArgs {
  /** Experiment names in the order asked for; empty means the tour. */
  readonly experiments: string[];
  readonly data: string;
  /** Absolute path of the report folder, or null with --no-report. */
  readonly out: string | null;
  readonly seed: number;
  readonly size: Size | null;
  readonly epochs: number | null;
  readonly optimizers: OptimizerName[] | null;
  readonly help: boolean;
}

const help = "see `pnpm demo --help`";

/**
 * Parses `[experiment ...] [--option value | --option=value ...]`. Relative paths are taken
 * from `baseDir`, the folder the user ran the command in (pnpm runs the script inside
 * apps/demo, but records the caller's folder in INIT_CWD).
 */
export function parseArgs(argv: readonly string[], baseDir: string, defaultOut: string): RunArgs {
  const experiments: string[] = [];
  let data = "digits";
  let out: string | null = defaultOut;
  let seed = 0;
  let size: Size | null = null;
  let epochs: number | null = null;
  let optimizers: OptimizerName[] | null = null;
  let showHelp = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (!arg.startsWith("-")) {
      experiments.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? null : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== null) return inline;
      const next = i + 1 < argv.length ? argv[i + 1] : "";
      if (next === "" || next.startsWith("--")) throw new BadInputError(`option ${name} needs a value`, `write ${name} VALUE; ${help}`);
      i++;
      return next;
    };
    switch (name) {
      case "-h":
      case "--help":
        showHelp = true;
        break;
      case "--data":
        data = value();
        if (data !== "digits" && data !== "fashion-mnist" && !isAbsolute(data)) data = resolve(baseDir, data);
        break;
      case "--out":
        out = resolve(baseDir, value());
        break;
      case "--no-report":
        out = null;
        break;
      case "--seed":
        seed = integer(name, value(), 0);
        break;
      case "--epochs":
        epochs = integer(name, value(), 1);
        break;
      case "--size": {
        const v = value();
        if (!(sizes as readonly string[]).includes(v)) throw new BadInputError(`--size ${v} is not a size`, `use --size ${sizes.join(", --size ")}`);
        size = v as Size;
        break;
      }
      case "--optimizers": {
        const list = value().split(",").map((s) => s.trim()).filter((s) => s !== "");
        const unknown = list.filter((s) => !(optimizerNames as readonly string[]).includes(s));
        if (unknown.length > 0 || list.length === 0) {
          throw new BadInputError(`--optimizers: unknown optimizer ${unknown.join(", ") || "(none given)"}`, `choose from ${optimizerNames.join(",")}`);
        }
        optimizers = list as OptimizerName[];
        break;
      }
      default:
        throw new BadInputError(`unknown option ${name}`, help);
    }
  }
  return { experiments, data, out, seed, size, epochs, optimizers, help: showHelp };
}

function integer(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new BadInputError(`${name} ${text} is not an integer >= ${min}`, `write e.g. ${name} ${Math.max(min, 1) * 3}`);
  return n;
}
