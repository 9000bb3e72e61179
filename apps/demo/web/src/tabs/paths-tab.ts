import type { Schedule } from "@descent/schedulers";
import { OPTIMIZER_KINDS, optimizerKind } from "../optimizers/optimizer-kinds";
import type { PathsDebug } from "../debug";
import type { OptimizerId } from "../optimizers/optimizer-kinds";
import { runPaths } from "../paths/run-paths";
import type { OptimizerPath } from "../paths/run-paths";
import { contourImage } from "../plot/contour-image";
import { prepareCanvas } from "../plot/hidpi";
import { drawLineChart } from "../plot/line-chart";
import type { PlotWindow } from "../plot/plot-window";
import { toPlane } from "../plot/plot-window";
import { lrFactor, SCHEDULE_KINDS, scheduleKind } from "../schedules/schedule-kinds";
import type { ScheduleId } from "../schedules/schedule-kinds";
import { optimizerChoice } from "../state/playground-state";
import type { OptimizerChoice, PathsState } from "../state/playground-state";
import { FUNCTION_IDS, testFunction } from "../surfaces/test-functions";
import type { FunctionId, TestFunction } from "../surfaces/test-functions";
import { h, numberField, selectField } from "../ui/dom";
import { drawPathsLayer } from "./paths-layer";
import { fillLegend, legendRows, snapshots } from "./paths-legend";
import { scheduleFields } from "./schedule-fields";

const PLOT_SIZE = 520;
const CHART_HEIGHT = 240;

const FUNCTION_LABELS: Record<FunctionId, string> = {
  quadratic: "Quadratic (condition number κ)",
  rosenbrock: "Rosenbrock",
  beale: "Beale",
  saddle: "Saddle y⁴ − x⁴",
  himmelblau: "Himmelblau",
};


/** Tab 1: the contour plot, the optimizers' paths, the loss chart and every control. */
export function createPathsTab(state: PathsState, changed: () => void, debug: PathsDebug): HTMLElement {
  const contour = h("canvas", { className: "layer", ariaLabel: "contour plot" });
  const overlay = h("canvas", { id: "paths-canvas", className: "layer", ariaLabel: "optimizer paths; click to choose the start point" });
  const chart = h("canvas", { id: "loss-chart", ariaLabel: "loss against step" });
  const legend = h("table", { id: "legend", className: "legend" });
  const formula = h("p", { className: "formula" });
  const scheduleNote = h("p", { className: "note" });
  const scheduleSlot = h("div");
  const kappaSlot = h("div");
  const startSlot = h("div", { className: "field-grid" });

  let fn: TestFunction = testFunction(state.fn, state.kappa);
  let contourKey = "";
  let paths: OptimizerPath[] = [];
  let shown = 0;
  let frameRequest = 0;
  let recomputeTimer: ReturnType<typeof setTimeout> | undefined;
  const plotWindow = (): PlotWindow => ({ domain: fn.domain, width: PLOT_SIZE, height: PLOT_SIZE });

  // Hyperparameters are kept for every optimizer, chosen or not, so unticking and ticking again keeps them.
  const choices = new Map<OptimizerId, OptimizerChoice>(OPTIMIZER_KINDS.map((kind) => [kind.id, optimizerChoice(kind.id)]));
  for (const choice of state.optimizers) choices.set(choice.id, choice);
  const chosen = new Set(state.optimizers.map((o) => o.id));

  function update(recomputeNow = false): void {
    state.optimizers = OPTIMIZER_KINDS.filter((kind) => chosen.has(kind.id)).map((kind) => choices.get(kind.id)!);
    changed();
    clearTimeout(recomputeTimer);
    // Typing "0.05" passes through "0" and "0.0": wait for a pause before recomputing.
    if (recomputeNow) recompute();
    else recomputeTimer = setTimeout(recompute, 120);
  }

  function currentFactor(): Schedule {
    const kind = scheduleKind(state.schedule.id);
    try {
      const factor = lrFactor(kind, state.schedule.values);
      scheduleNote.textContent = `lr × ${kind.call}: ${kind.formula} (with the scale set to 1)`;
      scheduleNote.classList.remove("error");
      return factor;
    } catch (error) {
      scheduleNote.textContent = `${error instanceof Error ? error.message : String(error)}; running with a constant lr`;
      scheduleNote.classList.add("error");
      return () => 1;
    }
  }

  function recompute(): void {
    fn = testFunction(state.fn, state.kappa);
    formula.textContent = fn.formula;
    const key = `${fn.id}:${state.kappa}`;
    if (key !== contourKey) {
      contourKey = key;
      prepareCanvas(contour, PLOT_SIZE, PLOT_SIZE);
      contour.getContext("2d")!.putImageData(contourImage(fn, contour.width, contour.height), 0, 0);
    }
    paths = runPaths({
      fn,
      start: state.start,
      steps: state.steps,
      noise: state.noise,
      seed: state.seed,
      lrFactor: currentFactor(),
      optimizers: state.optimizers.map((o) => ({ kind: optimizerKind(o.id), hyper: o.hyper })),
    });
    legendRows(legend, paths);
    shown = 0;
    play();
  }

  function play(): void {
    cancelAnimationFrame(frameRequest);
    debug.running = true;
    const tick = (): void => {
      shown = Math.min(state.steps, shown + state.speed);
      draw();
      if (shown < state.steps) frameRequest = requestAnimationFrame(tick);
      else debug.running = false;
    };
    draw();
    frameRequest = requestAnimationFrame(tick);
  }

  function draw(): void {
    drawPathsLayer(prepareCanvas(overlay, PLOT_SIZE, PLOT_SIZE), plotWindow(), fn.minima, paths, shown, state.start);
    drawLineChart(
      prepareCanvas(chart, PLOT_SIZE, CHART_HEIGHT),
      PLOT_SIZE,
      CHART_HEIGHT,
      paths.map((p) => ({ label: p.kind.label, color: p.kind.color, ys: p.losses, length: Math.min(shown, p.length - 1) + 1 })),
      { xLabel: "step", yLabel: "f(x, y)", logY: fn.minima.length > 0, xRange: [0, state.steps] },
    );
    debug.paths = snapshots(paths, shown);
    fillLegend(legend, debug.paths);
  }

  function renderStart(): void {
    startSlot.replaceChildren(
      numberField("start-x", "start x", state.start[0], (v) => {
        state.start = [v, state.start[1]];
        update();
      }),
      numberField("start-y", "start y", state.start[1], (v) => {
        state.start = [state.start[0], v];
        update();
      }),
    );
  }

  function renderKappa(): void {
    kappaSlot.replaceChildren(
      state.fn === "quadratic"
        ? numberField("kappa", "condition number κ", state.kappa, (v) => {
            state.kappa = v;
            update();
          }, { min: 1, max: 1e6 })
        : "",
    );
  }

  function renderSchedule(): void {
    const kind = scheduleKind(state.schedule.id);
    scheduleSlot.replaceChildren(
      scheduleFields("paths", kind, state.schedule.values, (values) => {
        state.schedule = { id: kind.id, values };
        update();
      }, kind.scaleKey),
    );
  }

  overlay.addEventListener("click", (event) => {
    const rect = overlay.getBoundingClientRect();
    const [x, y] = toPlane(plotWindow(), ((event.clientX - rect.left) / rect.width) * PLOT_SIZE, ((event.clientY - rect.top) / rect.height) * PLOT_SIZE);
    state.start = [Number(x.toFixed(3)), Number(y.toFixed(3))];
    renderStart();
    update(true);
  });

  const optimizerRows = OPTIMIZER_KINDS.map((kind) => {
    const choice = choices.get(kind.id)!;
    const hyper = h(
      "div",
      { className: "field-grid", hidden: !chosen.has(kind.id) },
      ...kind.specs.map((spec) =>
        numberField(`opt-${kind.id}-${spec.key}`, spec.label, choice.hyper[spec.key], (v) => {
          choice.hyper[spec.key] = v;
          update();
        }, { min: spec.min, max: spec.max }),
      ),
    );
    const box = h("input", { type: "checkbox", id: `opt-${kind.id}`, checked: chosen.has(kind.id) });
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(kind.id);
      else chosen.delete(kind.id);
      hyper.hidden = !box.checked;
      update(true);
    });
    return h(
      "div",
      { className: "optimizer" },
      h("label", { className: "check", htmlFor: box.id }, box, h("span", { className: "swatch", style: `background:${kind.color}` }), kind.label),
      hyper,
    );
  });

  const runButton = h("button", { id: "run", type: "button", className: "primary" }, "Run");
  runButton.addEventListener("click", () => {
    clearTimeout(recomputeTimer);
    recompute();
  });
  const pauseButton = h("button", { id: "pause", type: "button" }, "Pause");
  pauseButton.addEventListener("click", () => {
    if (debug.running) {
      cancelAnimationFrame(frameRequest);
      debug.running = false;
    } else if (shown < state.steps) {
      play();
    }
  });

  const controls = h(
    "aside",
    { className: "controls" },
    h("h2", {}, "Function"),
    selectField("fn-select", "function", state.fn, FUNCTION_IDS.map((id) => [id, FUNCTION_LABELS[id]] as const), (v) => {
      state.fn = v as FunctionId;
      state.start = [...testFunction(state.fn, state.kappa).start];
      renderKappa();
      renderStart();
      update(true);
    }),
    kappaSlot,
    numberField("noise", "gradient noise σ (minibatch)", state.noise, (v) => {
      state.noise = v;
      update();
    }, { min: 0 }),
    numberField("seed", "noise seed", state.seed, (v) => {
      state.seed = v;
      update();
    }, { min: 0, step: 1, integer: true }),
    startSlot,
    h("div", { className: "field-grid" },
      numberField("steps", "steps", state.steps, (v) => {
        state.steps = v;
        update();
      }, { min: 1, max: 20_000, step: 1, integer: true }),
      numberField("speed", "steps per frame", state.speed, (v) => {
        state.speed = v;
        changed();
      }, { min: 1, max: 20_000, step: 1, integer: true }),
    ),
    h("h2", {}, "Learning-rate schedule"),
    selectField("schedule-select", "schedule", state.schedule.id, SCHEDULE_KINDS.map((k) => [k.id, k.label] as const), (v) => {
      const kind = scheduleKind(v as ScheduleId);
      state.schedule = { id: kind.id, values: { ...kind.defaults(state.steps), [kind.scaleKey]: 1 } };
      renderSchedule();
      update(true);
    }),
    scheduleSlot,
    scheduleNote,
    h("h2", {}, "Optimizers"),
    ...optimizerRows,
    h("div", { className: "buttons" }, runButton, pauseButton),
  );

  renderKappa();
  renderStart();
  renderSchedule();
  recompute();

  return h(
    "section",
    { className: "paths-tab" },
    controls,
    h("div", { className: "plot" }, h("div", { className: "stack" }, contour, overlay), formula, h("p", { className: "note" }, "Click the plot to start from another point.")),
    h("div", { className: "side" }, h("h2", {}, "Loss"), chart, legend),
  );
}
