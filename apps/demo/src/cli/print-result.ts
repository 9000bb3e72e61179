import type { ExperimentResult } from "../report/result";
import { renderTerminalTable } from "../report/terminal-table";

/** An experiment's result as terminal text: title, headline, claims, tables. */
export function formatResult(result: ExperimentResult): string {
  const lines = [``, `━━ ${result.title} (${result.seconds.toFixed(1)} s)`, result.headline];
  for (const claim of result.claims) lines.push(`  ${claim.holds ? "✓" : "✗"} ${claim.text}`);
  for (const table of result.tables) lines.push("", renderTerminalTable(table));
  return lines.join("\n");
}
