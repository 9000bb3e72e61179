import { PEER_NAMES, ratio, type BenchResult, type PeerName, type Report, type SectionName } from "../result";
import { formatRatio, formatValue } from "./format";

/** The peers that appear in any of these results, in the canonical order. */
export function peersIn(results: readonly BenchResult[]): PeerName[] {
  return PEER_NAMES.filter((peer) => results.some((r) => r.peers[peer] !== undefined));
}

function valueCell(r: BenchResult, who: PeerName | "descent"): string {
  const v = who === "descent" ? r.descent : r.peers[who];
  const text = formatValue(v);
  const spread = r.spread?.[who];
  if (v === undefined || spread === undefined) return text;
  return r.spreadKind === "sd" ? `${text} ± ${formatValue(spread)}` : text;
}

/**
 * One table per section: descent's figure, each peer's, and descent's ratio to each peer
 * (> 1 means descent is better, whichever way the unit points).
 */
export function sectionTable(results: readonly BenchResult[]): string {
  const peers = peersIn(results);
  const withNotes = results.some((r) => r.note !== undefined);
  const header = ["benchmark", "unit", "descent", ...peers, ...peers.map((p) => `vs ${p}`), ...(withNotes ? ["note"] : [])];
  const align = header.map((h, i) => (i < 2 || h === "note" ? " --- " : " ---: "));
  const lines = [`| ${header.join(" | ")} |`, `|${align.join("|")}|`];
  for (const r of results) {
    const unit = `${r.unit}${r.higherIsBetter ? " ↑" : " ↓"}`;
    const cells = [r.name, unit, valueCell(r, "descent"), ...peers.map((p) => valueCell(r, p)), ...peers.map((p) => formatRatio(ratio(r, p)))];
    if (withNotes) cells.push((r.note ?? "").replace(/\|/g, "\\|"));
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

const TITLES: Record<SectionName, string> = {
  tensor: "tensor: kernels",
  autograd: "autograd: MLP forward and backward",
  optim: "optim: one optimizer step",
  train: "train: full training steps and epochs",
  convergence: "convergence: loss after fixed step budgets (mean ± sd over seeds)",
  "second-order": "second-order: quasi-Newton on Rosenbrock and the Moré–Garbow–Hillstrom set",
};

/** The whole report: machine, versions, skip lines and one table per section. */
export function reportMarkdown(report: Report): string {
  const out: string[] = [];
  const m = report.machine;
  out.push(`Run of ${report.date} (${report.mode} mode) on ${String(m.cpu)} (${String(m.cores)} cores), ${String(m.os)}, load average ${String(m.loadBefore)} before and ${String(m.loadAfter)} after.`);
  out.push("");
  out.push(`Versions: ${Object.entries(report.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
  if (report.skipped.length > 0) {
    out.push("");
    for (const line of report.skipped) out.push(`- ${line}`);
  }
  out.push("");
  out.push("Ratios are descent's advantage: > 1× means descent is better (faster, or fewer evaluations, or lower loss), whichever way the unit points (↑ higher is better, ↓ lower is better).");
  for (const section of report.sections) {
    const rows = report.results.filter((r) => r.section === section);
    if (rows.length === 0) continue;
    out.push("", `### ${TITLES[section]}`, "", sectionTable(rows));
  }
  return out.join("\n") + "\n";
}
