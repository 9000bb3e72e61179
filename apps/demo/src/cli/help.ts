import type { Experiment } from "../experiments/experiment";
import type { Subcommand } from "./subcommands";

/** The text of `pnpm demo --help`. */
export function helpText(experiments: readonly Experiment[], subcommands: Record<string, Subcommand>, defaultOut: string): string {
  const width = Math.max(...experiments.map((e) => e.name.length), ...Object.keys(subcommands).map((name) => name.length));
  return `descent demo: trains real models with the @descent packages, compares them, draws the results.

Usage: pnpm demo [experiment ...] [options]
       pnpm demo <command> [arguments]

With no experiment, runs the tour: every experiment at a reduced size on the digits
(about two minutes on two cores). Naming experiments runs them at full size.

Experiments:
${experiments.map((e) => `  ${e.name.padEnd(width)}  ${e.summary}`).join("\n")}

Commands:
${Object.entries(subcommands)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join("\n")}

Options:
  --data NAME|DIR        image data for the classification experiments: digits (default,
                         shipped), fashion-mnist (/usr/share/datasets/fashion-mnist, from
                         \`apt-get install dataset-fashion-mnist\`), or a folder of IDX files
                         (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-…).
                         At full size every image experiment trains on all 55 000 training
                         images (hours for all nine); --size tour uses the first 10 000
  --out DIR              where to write index.html, report.json and figures/*.svg
                         (default ${defaultOut})
  --no-report            print the tables only, write no files
  --seed N               seed of the data split, the weights and the batch order (default 0)
  --size tiny|tour|full  override the run size (tour by default, full for named experiments)
  --epochs N             train for N epochs wherever an experiment trains for epochs
  --optimizers a,b,...   optimizers experiment only: which of sgd, momentum, nesterov,
                         adagrad, rmsprop, adadelta, adam, adamax, amsgrad, adamw
                         (default all; adam alone on Fashion-MNIST)
  -h, --help             this text

Examples:
  pnpm demo                                  the tour, report in ${defaultOut}
  pnpm demo landscapes schedules --out /tmp/r
  pnpm demo optimizers --data fashion-mnist  784-256-128-10 MLP with batch norm and Adam

Exit codes: 0 done, 2 bad input (unknown experiment or option, missing or corrupt data file).
`;
}
