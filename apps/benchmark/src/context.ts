import type { TimingBudget } from "./harness";
import type { BenchResult, PeerName, SectionName } from "./result";

/** What every section is given: the mode, the timing budget, the peers asked for, and where to say things. */
export interface BenchContext {
  quick: boolean;
  budget: TimingBudget;
  /** Peers the user asked for (all by default); a section skips the rest without a word. */
  peers: ReadonlySet<PeerName>;
  /** A progress line (stderr, so that stdout stays the report). */
  log(line: string): void;
  /** Records, once per peer and reason, "skipped: <peer> (<reason>)". */
  skip(peer: string, reason: string): void;
}

export interface Section {
  name: SectionName;
  title: string;
  /** One sentence for the help text and the README: what is measured, in which unit. */
  measures: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

/** A context that collects skip lines; `log` goes where the caller says. */
export function createContext(options: { quick: boolean; budget: TimingBudget; peers: ReadonlySet<PeerName>; log: (line: string) => void }): BenchContext & { skipped: string[] } {
  const skipped: string[] = [];
  return {
    ...options,
    skipped,
    skip(peer, reason) {
      const line = `skipped: ${peer} (${reason})`;
      if (skipped.includes(line)) return;
      skipped.push(line);
      options.log(line);
    },
  };
}
