import { fileURLToPath } from "node:url";
import { parseArgs } from "./cli/args";
import { helpText } from "./cli/help";
import { runExperiments } from "./cli/run-experiments";
import { BadInputError } from "./errors";
import { experiments } from "./experiments/registry";

// pnpm runs this script inside apps/demo; INIT_CWD is the folder the user typed the command in.
const baseDir = process.env.INIT_CWD ?? process.cwd();
const defaultOut = fileURLToPath(new URL("../report/", import.meta.url)).replace(/\/$/, "");

function main(argv: readonly string[]): number {
  try {
    const args = parseArgs(argv, baseDir, defaultOut);
    if (args.help) {
      process.stdout.write(helpText(experiments, "apps/demo/report"));
      return 0;
    }
    return runExperiments(args, ["pnpm demo", ...argv].join(" "), baseDir);
  } catch (error) {
    if (error instanceof BadInputError) {
      process.stderr.write(`descent demo: ${error.message}; ${error.fix}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
