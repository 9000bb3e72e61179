import { NON_NEGATIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface CosineAnnealingLROptions extends ResumeOptions {
  /** T_max, half the period of the cosine; an integer >= 1. */
  tMax: number;
  /** η_min, the lr at T_max; finite and >= 0 (default 0). */
  etaMin?: number;
}

export interface CosineAnnealingLRSettings {
  tMax: number;
  etaMin: number;
}

export type CosineAnnealingLRState = LRSchedulerState & CosineAnnealingLRSettings;

function resolve(fn: string, o: Partial<CosineAnnealingLROptions>): CosineAnnealingLRSettings {
  return { tMax: checkNumber(fn, "tMax", o.tMax, POSITIVE_INTEGER), etaMin: checkNumber(fn, "etaMin", o.etaMin ?? 0, NON_NEGATIVE) };
}

/**
 * PyTorch 1.13's `CosineAnnealingLR`, with its chainable recursion
 * `η_t = (1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) · (η_{t−1} − η_min) + η_min`
 * (and the additive form where that ratio is 0/0, at t = T + 1 + 2kT). Alone, for t ≤ T it is
 * `η_min + (η₀ − η_min)(1 + cos(πt/T))/2`, the pure `cosineDecay` with α = η_min/η₀; past T the
 * cosine climbs back up (period 2T), as torch's does.
 *
 * @see https://arxiv.org/abs/1608.03983
 */
export class CosineAnnealingLR extends LRScheduler<CosineAnnealingLRSettings> {
  constructor(optimizer: OptimizerLike, options: CosineAnnealingLROptions) {
    const o = checkOptions("CosineAnnealingLR", options);
    super("CosineAnnealingLR", optimizer, o.lastEpoch, resolve("CosineAnnealingLR", o), resolve);
    this.initialStep();
  }

  protected getLr(): number[] {
    const t = this.lastEpoch;
    const { tMax, etaMin } = this.settings;
    if (t === 0) return this.groups.map((g) => g.lr);
    if (this.stepCount === 1 && t > 0) {
      // Resumed with lastEpoch >= 0: nothing to chain from, so torch uses the closed form.
      return this.baseLrs.map((baseLr) => etaMin + ((baseLr - etaMin) * (1 + Math.cos((t * Math.PI) / tMax))) / 2);
    }
    if ((t - 1 - tMax) % (2 * tMax) === 0) {
      // At the trough the ratio below is 0/0; torch adds the first rise step instead.
      return this.groups.map((g, i) => g.lr + ((this.baseLrs[i] - etaMin) * (1 - Math.cos(Math.PI / tMax))) / 2);
    }
    const ratio = (1 + Math.cos((Math.PI * t) / tMax)) / (1 + Math.cos((Math.PI * (t - 1)) / tMax));
    return this.groups.map((g) => ratio * (g.lr - etaMin) + etaMin);
  }

  protected override closedFormLr(): number[] {
    const { tMax, etaMin } = this.settings;
    return this.baseLrs.map((baseLr) => etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * this.lastEpoch) / tMax))) / 2);
  }
}
