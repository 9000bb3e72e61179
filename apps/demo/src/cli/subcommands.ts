import type { Experiment } from "../experiments/experiment";
import { serveSubcommand } from "./serve";

/** What a subcommand gets: its own arguments and where to write. */
export interface SubcommandIO {
  readonly argv: readonly string[];
  readonly stdout: (text: string) => void;
  readonly baseDir: string;
}

/**
 * Commands other than running experiments, chosen by the first argument (`pnpm demo list`).
 * A new one (a `serve` for the browser playground, say) is one more entry here.
 */
export interface Subcommand {
  readonly summary: string;
  run(io: SubcommandIO): number | Promise<number>;
}

export function builtinSubcommands(experiments: readonly Experiment[]): Record<string, Subcommand> {
  return {
    list: {
      summary: "list the experiments, one per line",
      run(io) {
        for (const e of experiments) io.stdout(`${e.name}\t${e.summary}\n`);
        return 0;
      },
    },
    serve: serveSubcommand,
  };
}
