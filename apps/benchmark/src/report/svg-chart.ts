import type { BenchResult, PeerName } from "../result";
import { formatValue } from "./format";
import { peersIn } from "./markdown";

const COLORS: Record<PeerName | "descent", string> = {
  descent: "#d1495b",
  "tfjs-cpu": "#edae49",
  "tfjs-wasm": "#f6d55c",
  "torch-1t": "#00798c",
  "torch-2t": "#30638e",
  scipy: "#6a4c93",
  "plain-js": "#8d99ae",
};

const BAR = 11;
const GAP = 10;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 520;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 110;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A horizontal grouped bar chart of one section, self-contained SVG: one group per result,
 * one bar per implementation, each group scaled to its own largest value (the units differ from
 * row to row), the value printed at the end of each bar.
 */
export function sectionChart(title: string, results: readonly BenchResult[]): string {
  const who: (PeerName | "descent")[] = ["descent", ...peersIn(results)];
  const legendHeight = 24;
  const top = 34 + legendHeight;
  const groups = results.map((r) => {
    const values = who.map((w) => (w === "descent" ? r.descent : r.peers[w]));
    return { r, bars: who.map((w, i) => ({ w, v: values[i] })).filter((b) => b.v !== undefined && Number.isFinite(b.v)) };
  });
  const height = top + groups.reduce((h, g) => h + Math.max(1, g.bars.length) * BAR + GAP, 0) + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="18" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  let x = 8;
  for (const w of who) {
    parts.push(`<rect x="${x}" y="30" width="10" height="10" fill="${COLORS[w]}"/>`, `<text x="${x + 14}" y="39">${w}</text>`);
    x += 24 + w.length * 6;
  }
  let y = top;
  for (const { r, bars } of groups) {
    const max = Math.max(...bars.map((b) => Math.abs(b.v ?? 0)), Number.MIN_VALUE);
    const groupHeight = Math.max(1, bars.length) * BAR;
    const label = `${r.name} (${r.unit}, ${r.higherIsBetter ? "higher" : "lower"} is better)`;
    parts.push(`<text x="${LABEL_WIDTH - 6}" y="${y + groupHeight / 2 + 3}" text-anchor="end">${escapeXml(label)}</text>`);
    bars.forEach((b, i) => {
      const length = (Math.abs(b.v ?? 0) / max) * BAR_WIDTH;
      const by = y + i * BAR;
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${by}" width="${length.toFixed(1)}" height="${BAR - 2}" fill="${COLORS[b.w]}"><title>${b.w}: ${formatValue(b.v)} ${escapeXml(r.unit)}</title></rect>`,
        `<text x="${(LABEL_WIDTH + length + 4).toFixed(1)}" y="${by + BAR - 3}">${formatValue(b.v)}</text>`,
      );
    });
    y += groupHeight + GAP;
  }
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
