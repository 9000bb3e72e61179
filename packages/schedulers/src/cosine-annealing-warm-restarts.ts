import { NON_NEGATIVE, POSITIVE_INTEGER, checkNumber, checkOptions } from "./check";
import { LRScheduler, type LRSchedulerState, type ResumeOptions } from "./lr-scheduler";
import type { OptimizerLike } from "./optimizer-like";

export interface CosineAnnealingWarmRestartsOptions extends ResumeOptions {
  /** T₀, the length of the first cycle; an integer >= 1. */
  t0: number;
  /** Each cycle is `tMult` times longer than the one before; an integer >= 1 (default 1). */
  tMult?: number;
  /** η_min; finite and >= 0 (default 0). */
  etaMin?: number;
}

export interface CosineAnnealingWarmRestartsSettings {
  t0: number;
  tMult: number;
  etaMin: number;
}

export interface CosineAnnealingWarmRestartsState extends LRSchedulerState, CosineAnnealingWarmRestartsSettings {
  /** Length of the current cycle. */
  tI: number;
  /** Epochs since the last restart (fractional when stepped with fractional epochs). */
  tCur: number;
}

function resolve(fn: string, o: Partial<CosineAnnealingWarmRestartsOptions>): CosineAnnealingWarmRestartsSettings {
  return {
    t0: checkNumber(fn, "t0", o.t0, POSITIVE_INTEGER),
    tMult: checkNumber(fn, "tMult", o.tMult ?? 1, POSITIVE_INTEGER),
    etaMin: checkNumber(fn, "etaMin", o.etaMin ?? 0, NON_NEGATIVE),
  };
}

/**
 * PyTorch's `CosineAnnealingWarmRestarts` (SGDR): `η = η_min + (η₀ − η_min)(1 + cos(π T_cur/T_i))/2`,
 * where `T_cur` counts epochs since the last restart and the cycle length `T_i` starts at T₀ and
 * is multiplied by `tMult` at each restart. Not chainable: it always scales `baseLrs`. Alone it is
 * the pure `cosineWarmRestarts`. `step(epoch)` also takes a fractional epoch, as torch's.
 *
 * @see https://arxiv.org/abs/1608.03983
 */
export class CosineAnnealingWarmRestarts extends LRScheduler<CosineAnnealingWarmRestartsSettings> {
  tI: number;
  tCur: number;

  constructor(optimizer: OptimizerLike, options: CosineAnnealingWarmRestartsOptions) {
    const o = checkOptions("CosineAnnealingWarmRestarts", options);
    super("CosineAnnealingWarmRestarts", optimizer, o.lastEpoch, resolve("CosineAnnealingWarmRestarts", o), resolve);
    this.tI = this.settings.t0;
    this.tCur = this.lastEpoch;
    this.initialStep();
  }

  protected getLr(): number[] {
    const { etaMin } = this.settings;
    return this.baseLrs.map((baseLr) => etaMin + ((baseLr - etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2);
  }

  /** Torch's own step: advances `T_cur` (restarting when it reaches `T_i`), or jumps to `epoch`. */
  override step(epoch?: number): void {
    if (epoch !== undefined) checkNumber(`${this.name}.step`, "epoch", epoch, NON_NEGATIVE);
    const { t0, tMult } = this.settings;
    let target = epoch;
    if (target === undefined && this.lastEpoch < 0) target = 0;
    if (target === undefined) {
      target = this.lastEpoch + 1;
      this.tCur += 1;
      if (this.tCur >= this.tI) {
        this.tCur -= this.tI;
        this.tI *= tMult;
      }
    } else if (target >= t0) {
      if (tMult === 1) {
        this.tCur = target % t0;
      } else {
        // torch: n = int(math.log(epoch / T_0 * (T_mult - 1) + 1, T_mult)), log(x, b) being log(x)/log(b).
        const n = Math.trunc(Math.log((target / t0) * (tMult - 1) + 1) / Math.log(tMult));
        this.tCur = target - (t0 * (tMult ** n - 1)) / (tMult - 1);
        this.tI = t0 * tMult ** n;
      }
    } else {
      this.tI = t0;
      this.tCur = target;
    }
    this.lastEpoch = Math.floor(target);
    this.stepCount += 1;
    this.setLrs(this.getLr());
  }

  override stateDict(): CosineAnnealingWarmRestartsState {
    return { ...super.stateDict(), tI: this.tI, tCur: this.tCur };
  }

  override loadStateDict(state: CosineAnnealingWarmRestartsState): void {
    const fn = `${this.name}.loadStateDict`;
    const tI = checkNumber(fn, "state.tI", state.tI, POSITIVE_INTEGER);
    const tCur = checkNumber(fn, "state.tCur", state.tCur, { min: -1 });
    super.loadStateDict(state);
    this.tI = tI;
    this.tCur = tCur;
  }
}
