import { formatCell } from "./format";
import type { Report } from "./report";
import type { ExperimentResult, ResultTable } from "./result";
import { renderFigure } from "./svg/render-figure";
import { escapeXml } from "./svg/xml";

const style = `
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1120px; padding: 24px; color: #222; line-height: 1.45; }
h1 { margin-bottom: 4px; } h2 { margin-top: 40px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.meta { color: #555; font-size: 14px; } .headline { font-size: 16px; background: #f3f6fa; border-left: 4px solid #4e79a7; padding: 8px 12px; }
table { border-collapse: collapse; margin: 12px 0 20px; font-size: 14px; } caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e5e5e5; } th { text-align: left; background: #fafafa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.claims { list-style: none; padding-left: 0; } .claims li::before { margin-right: 6px; } .claims .yes::before { content: "✓"; color: #2a7d2a; } .claims .no::before { content: "✗"; color: #c0392b; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; } .figures svg { max-width: 100%; height: auto; border: 1px solid #eee; }
nav a { margin-right: 12px; } code { background: #f4f4f4; padding: 0 3px; }
`;

/** The report as one self-contained HTML page: inline CSS and inline SVG, nothing fetched. */
export function renderHtml(report: Report): string {
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`);
  parts.push(`<title>descent demo report</title><style>${style}</style></head><body>`);
  parts.push(`<h1>descent demo report</h1>`);
  parts.push(
    `<p class="meta"><code>${escapeXml(report.command)}</code> · data ${escapeXml(report.data)} · seed ${report.seed} · size ${escapeXml(report.size)} · ` +
      `${report.seconds.toFixed(1)} s on ${report.machine.cpus} × ${escapeXml(report.machine.cpuModel)}, Node ${escapeXml(report.machine.node)} · ${escapeXml(report.startedAt)}</p>`,
  );
  if (report.experiments.length > 1) {
    parts.push(`<nav>${report.experiments.map((e) => `<a href="#${e.name}">${escapeXml(e.name)}</a>`).join("")}</nav>`);
  }
  for (const experiment of report.experiments) parts.push(renderExperiment(experiment));
  parts.push(`</body></html>\n`);
  return parts.join("\n");
}

function renderExperiment(e: ExperimentResult): string {
  const parts: string[] = [];
  parts.push(`<section id="${e.name}"><h2>${escapeXml(e.title)}</h2>`);
  parts.push(`<p>${escapeXml(e.description)}</p>`);
  parts.push(`<p class="headline">${escapeXml(e.headline)}</p>`);
  if (e.claims.length > 0) {
    parts.push(`<ul class="claims">${e.claims.map((c) => `<li class="${c.holds ? "yes" : "no"}">${escapeXml(c.text)}</li>`).join("")}</ul>`);
  }
  for (const table of e.tables) parts.push(renderTable(table));
  parts.push(`<div class="figures">${e.figures.map((f) => renderFigure(f)).join("")}</div>`);
  const settings = Object.entries(e.settings).map(([k, v]) => `${escapeXml(k)} ${escapeXml(String(v))}`);
  parts.push(`<p class="meta">Settings: ${settings.join(" · ")} · ${e.seconds.toFixed(1)} s</p></section>`);
  return parts.join("\n");
}

function renderTable(table: ResultTable): string {
  const head = table.columns.map((c) => `<th>${escapeXml(c.label)}</th>`).join("");
  const rows = table.rows.map(
    (row) => `<tr>${row.map((cell, i) => `<td${typeof cell === "number" ? ` class="num"` : ""}>${escapeXml(formatCell(cell, table.columns[i].format))}</td>`).join("")}</tr>`,
  );
  return `<table><caption>${escapeXml(table.title)}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
