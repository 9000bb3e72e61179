import type { PathSnapshot } from "../debug";
import type { OptimizerPath } from "../paths/run-paths";
import { h } from "../ui/dom";

/** Where each path is after `shown` steps (or where it stopped). */
export function snapshots(paths: readonly OptimizerPath[], shown: number): PathSnapshot[] {
  return paths.map((p) => {
    const last = Math.min(shown, p.length - 1);
    return {
      id: p.kind.id,
      label: p.kind.label,
      step: last,
      x: p.xs[last],
      y: p.ys[last],
      loss: p.losses[last],
      // A path that stopped early says why once the animation has reached its end.
      stopped: last === p.length - 1 ? p.stopped : null,
    };
  });
}

/** The legend's rows, one per path, with empty cells that `fillLegend` fills each frame. */
export function legendRows(table: HTMLTableElement, paths: readonly OptimizerPath[]): void {
  table.replaceChildren(
    h("thead", {}, h("tr", {}, h("th", {}, "optimizer"), h("th", {}, "step"), h("th", {}, "x"), h("th", {}, "y"), h("th", {}, "f(x, y)"))),
    h(
      "tbody",
      {},
      ...paths.map((p) =>
        h(
          "tr",
          { dataset: { optimizer: p.kind.id } },
          h("td", {}, h("span", { className: "swatch", style: `background:${p.kind.color}` }), p.kind.label),
          h("td", { className: "num" }),
          h("td", { className: "num" }),
          h("td", { className: "num" }),
          h("td", { className: "num" }),
        ),
      ),
    ),
  );
}

export function fillLegend(table: HTMLTableElement, current: readonly PathSnapshot[]): void {
  const rows = table.tBodies[0].rows;
  current.forEach((snapshot, i) => {
    const cells = rows[i].cells;
    cells[1].textContent = String(snapshot.step);
    cells[2].textContent = snapshot.x.toFixed(4);
    cells[3].textContent = snapshot.y.toFixed(4);
    cells[4].textContent = snapshot.stopped ?? snapshot.loss.toExponential(3);
    rows[i].classList.toggle("stopped", snapshot.stopped !== null);
  });
}
