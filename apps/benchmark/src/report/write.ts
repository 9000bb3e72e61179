import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Report } from "../result";
import { reportMarkdown } from "./markdown";
import { sectionChart } from "./svg-chart";

/** Writes FILE (JSON), FILE.md and FILE-<section>.svg (FILE without its .json); returns the paths written. */
export function writeReport(file: string, report: Report): string[] {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const stem = file.endsWith(".json") ? file.slice(0, -".json".length) : file;
  const written = [file, `${stem}.md`];
  writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  writeFileSync(`${stem}.md`, reportMarkdown(report));
  for (const section of report.sections) {
    const rows = report.results.filter((r) => r.section === section);
    if (rows.length === 0) continue;
    const svg = `${stem}-${section}.svg`;
    writeFileSync(svg, sectionChart(`descent benchmark: ${section} (${report.mode}, ${report.date.slice(0, 10)})`, rows));
    written.push(svg);
  }
  return written;
}
