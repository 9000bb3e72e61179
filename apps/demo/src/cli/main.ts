import { BadInputError } from "../errors";
import { experiments } from "../experiments/registry";
import { parseArgs } from "./args";
import { helpText } from "./help";
import { runExperiments } from "./run-experiments";
import { builtinSubcommands } from "./subcommands";
import type { Subcommand } from "./subcommands";

export interface MainIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The folder relative paths are taken from (where the user typed the command). */
  readonly baseDir: string;
  /** The report folder when --out is not given. */
  readonly defaultOut: string;
  readonly subcommands?: Record<string, Subcommand>;
}

/**
 * The whole CLI as a function of its arguments: returns the exit code. 0 when done, 2 for
 * input the user can fix (printed as one line with the fix); anything else is a bug and throws.
 */
export async function main(argv: readonly string[], io: MainIO): Promise<number> {
  const subcommands = io.subcommands ?? builtinSubcommands(experiments);
  try {
    if (argv.length > 0 && Object.hasOwn(subcommands, argv[0])) {
      return await subcommands[argv[0]].run({ argv: argv.slice(1), stdout: io.stdout, baseDir: io.baseDir });
    }
    const args = parseArgs(argv, io.baseDir, io.defaultOut);
    if (args.help) {
      io.stdout(helpText(experiments, subcommands, "apps/demo/report"));
      return 0;
    }
    return runExperiments(args, ["pnpm demo", ...argv].join(" "), io.baseDir, (line) => {
      io.stdout(`${line}\n`);
    });
  } catch (error) {
    if (error instanceof BadInputError) {
      io.stderr(`descent demo: ${error.message}; ${error.fix}\n`);
      return 2;
    }
    throw error;
  }
}
