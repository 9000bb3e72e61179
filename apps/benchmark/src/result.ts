/** The implementations a result can be compared with, named as in the JSON report. */
export const PEER_NAMES = ["tfjs-cpu", "tfjs-wasm", "torch-1t", "torch-2t", "scipy", "plain-js"] as const;
export type PeerName = (typeof PEER_NAMES)[number];

export const SECTION_NAMES = ["tensor", "autograd", "optim", "train", "convergence", "second-order"] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/**
 * One measured figure: descent's value and each peer's, in the same unit. `spread` holds, per
 * implementation, the relative interquartile range of the timed runs ((q3 − q1) / median) for
 * speed figures, or the standard deviation over seeds for convergence losses (`spreadKind`).
 */
export interface BenchResult {
  section: SectionName;
  name: string;
  unit: string;
  higherIsBetter: boolean;
  descent: number;
  peers: Partial<Record<PeerName, number>>;
  spreadKind?: "relative-iqr" | "sd";
  spread?: Partial<Record<PeerName | "descent", number>>;
  note?: string;
}

export interface Report {
  machine: Record<string, string | number>;
  versions: Record<string, string>;
  mode: "full" | "quick";
  date: string;
  sections: SectionName[];
  skipped: string[];
  results: BenchResult[];
}

/**
 * How much better descent is than `peer` on this result, > 1 meaning descent is better:
 * descent / peer when higher is better, peer / descent when lower is better. Null when either
 * figure is missing or not positive (a ratio of zeros says nothing).
 */
export function ratio(result: BenchResult, peer: PeerName): number | null {
  const theirs = result.peers[peer];
  const ours = result.descent;
  if (theirs === undefined || !(theirs > 0) || !(ours > 0)) return null;
  return result.higherIsBetter ? ours / theirs : theirs / ours;
}
