import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderHtml } from "./html";
import type { Report } from "./report";
import { renderFigure } from "./svg/render-figure";

export interface WrittenReport {
  html: string;
  json: string;
  figures: string[];
}

/**
 * Writes `index.html` (self-contained), `report.json` (the same numbers) and every figure as
 * its own SVG file under `figures/` into `dir`.
 */
export function writeReport(report: Report, dir: string): WrittenReport {
  mkdirSync(join(dir, "figures"), { recursive: true });
  const html = join(dir, "index.html");
  const json = join(dir, "report.json");
  writeFileSync(html, renderHtml(report));
  writeFileSync(json, `${JSON.stringify(report, jsonNumbers)}\n`);
  const figures: string[] = [];
  for (const experiment of report.experiments) {
    for (const figure of experiment.figures) {
      const path = join(dir, "figures", `${figure.id}.svg`);
      writeFileSync(path, `${renderFigure(figure)}\n`);
      figures.push(path);
    }
  }
  return { html, json, figures };
}

/** JSON has no NaN or infinities: write them as strings so a diverged run still reads back. */
function jsonNumbers(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return value;
}
