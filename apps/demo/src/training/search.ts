import type { Generator } from "@descent/tensor";

/** A hyperparameter's range for random search. */
export type Distribution =
  | { readonly kind: "logUniform"; readonly low: number; readonly high: number }
  | { readonly kind: "uniform"; readonly low: number; readonly high: number }
  | { readonly kind: "intUniform"; readonly low: number; readonly high: number }
  | { readonly kind: "choice"; readonly values: readonly number[] };

export type Config = Record<string, number>;

/** Every combination of the listed values (the cartesian product), in row-major order of the keys. */
export function gridSearchConfigs(space: Record<string, readonly number[]>): Config[] {
  let configs: Config[] = [{}];
  for (const [name, values] of Object.entries(space)) {
    if (values.length === 0) throw new Error(`gridSearchConfigs: ${name} has no values`);
    configs = configs.flatMap((config) => values.map((value) => ({ ...config, [name]: value })));
  }
  return configs;
}

/**
 * `count` independent draws from the distributions (Bergstra & Bengio 2012: with a few
 * important hyperparameters, random points cover each one's range far better than a grid).
 */
export function randomSearchConfigs(space: Record<string, Distribution>, count: number, generator: Generator): Config[] {
  return Array.from({ length: count }, () => {
    const config: Config = {};
    for (const [name, d] of Object.entries(space)) config[name] = draw(d, generator);
    return config;
  });
}

function draw(d: Distribution, generator: Generator): number {
  const u = generator.nextFloat64();
  switch (d.kind) {
    case "logUniform":
      return Math.exp(Math.log(d.low) + u * (Math.log(d.high) - Math.log(d.low)));
    case "uniform":
      return d.low + u * (d.high - d.low);
    case "intUniform":
      return d.low + generator.nextBelow(d.high - d.low + 1);
    case "choice":
      return d.values[generator.nextBelow(d.values.length)];
  }
}

export interface SearchTrial<T> {
  config: Config;
  score: number;
  detail: T;
}

/** Scores every configuration and returns the trials best first (higher score is better). */
export function runSearch<T>(configs: Config[], score: (config: Config, index: number) => { score: number; detail: T }): SearchTrial<T>[] {
  const trials = configs.map((config, i) => ({ config, ...score(config, i) }));
  return [...trials].sort((a, b) => b.score - a.score);
}
