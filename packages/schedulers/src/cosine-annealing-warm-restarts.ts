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

export interface CosineAnnealingWarmRestartsState extends LRSchedulerState {
  t0: number;
  tMult: number;
  etaMin: number;
  /** Length of the current cycle. */
  tI: number;
  /** Epochs since the last restart (fractional when stepped with fractional epochs). */
  tCur: number;
}

function resolve(fn: string, options: Partial<CosineAnnealingWarmRestartsOptions>): { t0: number; tMult: number; etaMin: number } {
  return {
    t0: checkNumber(fn, "t0", options.t0, POSITIVE_INTEGER),
    tMult: checkNumber(fn, "tMult", options.tMult ?? 1, POSITIVE_INTEGER),
    etaMin: checkNumber(fn, "etaMin", options.etaMin ?? 0, NON_NEGATIVE),
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
export class CosineAnnealingWarmRestarts extends LRScheduler {
  t0: number;
  tMult: number;
  etaMin: number;
  tI: number;
  tCur: number;

  constructor(optimizer: OptimizerLike, options: CosineAnnealingWarmRestartsOptions) {
    const o = checkOptions("CosineAnnealingWarmRestarts", options);
    const r = resolve("CosineAnnealingWarmRestarts", o);
    super("CosineAnnealingWarmRestarts", optimizer, o.lastEpoch);
    this.t0 = r.t0;
    this.tMult = r.tMult;
    this.etaMin = r.etaMin;
    this.tI = r.t0;
    this.tCur = this.lastEpoch;
    this.initialStep();
  }

  protected getLr(): number[] {
    return this.baseLrs.map((baseLr) => this.etaMin + ((baseLr - this.etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2);
  }

  /** Torch's own step: advances `T_cur` (restarting when it reaches `T_i`), or jumps to `epoch`. */
  override step(epoch?: number): void {
    if (epoch !== undefined) checkNumber(`${this.name}.step`, "epoch", epoch, NON_NEGATIVE);
    let target = epoch;
    if (target === undefined && this.lastEpoch < 0) target = 0;
    if (target === undefined) {
      target = this.lastEpoch + 1;
      this.tCur += 1;
      if (this.tCur >= this.tI) {
        this.tCur -= this.tI;
        this.tI *= this.tMult;
      }
    } else if (target >= this.t0) {
      if (this.tMult === 1) {
        this.tCur = target % this.t0;
      } else {
        // torch: n = int(math.log(epoch / T_0 * (T_mult - 1) + 1, T_mult)), log(x, b) being log(x)/log(b).
        const n = Math.trunc(Math.log((target / this.t0) * (this.tMult - 1) + 1) / Math.log(this.tMult));
        this.tCur = target - (this.t0 * (this.tMult ** n - 1)) / (this.tMult - 1);
        this.tI = this.t0 * this.tMult ** n;
      }
    } else {
      this.tI = this.t0;
      this.tCur = target;
    }
    this.lastEpoch = Math.floor(target);
    this.stepCount += 1;
    this.setLrs(this.getLr());
  }

  override stateDict(): CosineAnnealingWarmRestartsState {
    return { ...super.stateDict(), t0: this.t0, tMult: this.tMult, etaMin: this.etaMin, tI: this.tI, tCur: this.tCur };
  }

  override loadStateDict(state: CosineAnnealingWarmRestartsState): void {
    const fn = `${this.name}.loadStateDict`;
    const base = this.checkState(state);
    const o = resolve(fn, state);
    const tI = checkNumber(fn, "state.tI", state.tI, POSITIVE_INTEGER);
    const tCur = checkNumber(fn, "state.tCur", state.tCur, { min: -1 });
    this.applyState(base);
    this.t0 = o.t0;
    this.tMult = o.tMult;
    this.etaMin = o.etaMin;
    this.tI = tI;
    this.tCur = tCur;
  }
}
