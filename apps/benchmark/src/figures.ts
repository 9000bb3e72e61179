import { relativeSpread, type Timing } from "./harness";
import type { BenchResult, PeerName, SectionName } from "./result";

/** Turns a time per call into the figure reported (GFLOP/s, GB/s, calls/s, ms, …). */
export type Rate = (ms: number) => number;

/** `work` units per second, in units of 10⁹: GFLOP/s from flops, GB/s from bytes. */
export const perNanosecond = (work: number): Rate => (ms) => work / (ms * 1e6);
export const perSecond: Rate = (ms) => 1000 / ms;
export const milliseconds: Rate = (ms) => ms;

export interface TimedFigure {
  section: SectionName;
  name: string;
  unit: string;
  higherIsBetter: boolean;
  rate: Rate;
  descent: Timing;
  peers: Partial<Record<PeerName, Timing>>;
  note?: string;
}

/** A result from timings: each figure is `rate(median ms)`, each spread the runs' relative IQR. */
export function timedResult(f: TimedFigure): BenchResult {
  const peers: Partial<Record<PeerName, number>> = {};
  const spread: Partial<Record<PeerName | "descent", number>> = { descent: relativeSpread(f.descent) };
  for (const [peer, timing] of Object.entries(f.peers) as [PeerName, Timing][]) {
    peers[peer] = f.rate(timing.medianMs);
    spread[peer] = relativeSpread(timing);
  }
  const result: BenchResult = {
    section: f.section,
    name: f.name,
    unit: f.unit,
    higherIsBetter: f.higherIsBetter,
    descent: f.rate(f.descent.medianMs),
    peers,
    spreadKind: "relative-iqr",
    spread,
  };
  if (f.note !== undefined) result.note = f.note;
  return result;
}
