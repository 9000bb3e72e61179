import digitsUrl from "../../../data/digits.csv.gz?url";
import type { TrainingDebug, TrainingHistory } from "../debug";
import { OPTIMIZER_KINDS, optimizerKind } from "../optimizers/optimizer-kinds";
import type { OptimizerId } from "../optimizers/optimizer-kinds";
import { prepareCanvas } from "../plot/hidpi";
import { drawLineChart } from "../plot/line-chart";
import type { TrainingState } from "../state/playground-state";
import type { FromWorker, ToWorker } from "../training/messages";
import { h, numberField } from "../ui/dom";

const CHART_WIDTH = 560;
const CHART_HEIGHT = 260;
/** Weight of the newest minibatch loss in the smoothed curve. */
const SMOOTHING = 0.1;

/** Tab 3: the digits MLP trained in a Web Worker, one model per chosen optimizer, with live curves. */
export function createTrainingTab(state: TrainingState, changed: () => void, debug: TrainingDebug): HTMLElement {
  const lossChart = h("canvas", { id: "training-loss-chart" });
  const accuracyChart = h("canvas", { id: "training-accuracy-chart" });
  const status = h("p", { id: "training-status", className: "note" }, "Press Train to start.");
  const table = h("table", { className: "legend", id: "training-legend" });
  let worker: Worker | null = null;
  let drawRequest = 0;

  const lrs = new Map<OptimizerId, number>(OPTIMIZER_KINDS.map((kind) => [kind.id, kind.networkLr]));
  for (const o of state.optimizers) lrs.set(o.id, o.lr);
  const chosen = new Set(state.optimizers.map((o) => o.id));
  const update = (): void => {
    state.optimizers = OPTIMIZER_KINDS.filter((k) => chosen.has(k.id)).map((k) => ({ id: k.id, lr: lrs.get(k.id)! }));
    changed();
  };

  function setStatus(next: TrainingDebug["status"], message: string): void {
    debug.status = next;
    debug.message = message;
    status.textContent = message;
    status.classList.toggle("error", next === "error");
  }

  function scheduleDraw(): void {
    if (drawRequest !== 0) return;
    drawRequest = requestAnimationFrame(() => {
      drawRequest = 0;
      draw();
    });
  }

  function draw(): void {
    const entries = Object.entries(debug.history) as [OptimizerId, TrainingHistory][];
    drawLineChart(
      prepareCanvas(lossChart, CHART_WIDTH, CHART_HEIGHT),
      CHART_WIDTH,
      CHART_HEIGHT,
      entries.map(([id, run]) => ({ label: id, color: optimizerKind(id).color, xs: run.steps, ys: run.smoothed })),
      { xLabel: "minibatch step", yLabel: "training loss", logY: true },
    );
    drawLineChart(
      prepareCanvas(accuracyChart, CHART_WIDTH, CHART_HEIGHT),
      CHART_WIDTH,
      CHART_HEIGHT,
      entries.map(([id, run]) => ({ label: id, color: optimizerKind(id).color, xs: run.validationAccuracy.map((_, i) => i + 1), ys: run.validationAccuracy })),
      { xLabel: "epoch", yLabel: "validation accuracy", xRange: [1, Math.max(2, state.epochs)], integerX: true },
    );
    table.replaceChildren(
      h("thead", {}, h("tr", {}, h("th", {}, "optimizer"), h("th", {}, "lr"), h("th", {}, "epoch"), h("th", {}, "val. loss"), h("th", {}, "val. accuracy"))),
      h(
        "tbody",
        {},
        ...entries.map(([id, run]) => {
          const epochs = run.validationAccuracy.length;
          return h(
            "tr",
            { dataset: { optimizer: id } },
            h("td", {}, h("span", { className: "swatch", style: `background:${optimizerKind(id).color}` }), optimizerKind(id).label),
            h("td", { className: "num" }, String(lrs.get(id))),
            h("td", { className: "num" }, String(epochs)),
            h("td", { className: "num" }, run.skipped ?? (epochs > 0 ? run.validationLoss[epochs - 1].toFixed(4) : "…")),
            h("td", { className: "num" }, epochs > 0 ? `${(100 * run.validationAccuracy[epochs - 1]).toFixed(1)} %` : "…"),
          );
        }),
      ),
    );
  }

  function receive(message: FromWorker): void {
    switch (message.type) {
      case "loaded":
        setStatus("training", `Training on ${message.train} images (${message.validation} held out for validation), ${message.parameters} parameters per model…`);
        break;
      case "batch": {
        const run = debug.history[message.id]!;
        const previous = run.smoothed.at(-1);
        run.steps.push(message.step);
        run.losses.push(message.loss);
        run.smoothed.push(previous === undefined ? message.loss : previous + SMOOTHING * (message.loss - previous));
        break;
      }
      case "epoch": {
        const run = debug.history[message.id]!;
        run.validationLoss.push(message.validationLoss);
        run.validationAccuracy.push(message.validationAccuracy);
        break;
      }
      case "skipped":
        debug.history[message.id]!.skipped = message.reason;
        break;
      case "done":
        setStatus("done", `Done in ${message.seconds.toFixed(1)} s.`);
        stopWorker();
        break;
      case "error":
        setStatus("error", message.message);
        stopWorker();
        break;
    }
    scheduleDraw();
  }

  function stopWorker(): void {
    worker?.terminate();
    worker = null;
  }

  function start(): void {
    stopWorker();
    debug.history = {};
    for (const o of state.optimizers) debug.history[o.id] = { steps: [], losses: [], smoothed: [], validationLoss: [], validationAccuracy: [], skipped: null };
    if (state.optimizers.length === 0) {
      setStatus("error", "Choose at least one optimizer.");
      return;
    }
    setStatus("loading", "Loading the digits…");
    worker = new Worker(new URL("../training/training-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      receive(event.data);
    };
    worker.onerror = (event) => {
      setStatus("error", `The worker failed: ${event.message}`);
      stopWorker();
    };
    const message: ToWorker = {
      type: "start",
      config: { ...state, optimizers: state.optimizers.map((o) => ({ ...o })), dataUrl: new URL(digitsUrl, location.href).href },
    };
    worker.postMessage(message);
    draw();
  }

  const trainButton = h("button", { id: "train", type: "button", className: "primary" }, "Train");
  trainButton.addEventListener("click", start);
  const stopButton = h("button", { id: "stop", type: "button" }, "Stop");
  stopButton.addEventListener("click", () => {
    if (worker === null) return;
    stopWorker();
    setStatus("stopped", "Stopped.");
  });

  const rows = OPTIMIZER_KINDS.map((kind) => {
    const box = h("input", { type: "checkbox", id: `train-opt-${kind.id}`, checked: chosen.has(kind.id) });
    const lr = numberField(`train-opt-${kind.id}-lr`, "lr", lrs.get(kind.id)!, (v) => {
      lrs.set(kind.id, v);
      update();
    }, { min: 0, max: 10 });
    lr.hidden = !chosen.has(kind.id);
    box.addEventListener("change", () => {
      if (box.checked) chosen.add(kind.id);
      else chosen.delete(kind.id);
      lr.hidden = !box.checked;
      update();
    });
    return h(
      "div",
      { className: "optimizer inline" },
      h("label", { className: "check", htmlFor: box.id }, box, h("span", { className: "swatch", style: `background:${kind.color}` }), kind.label),
      lr,
    );
  });

  const controls = h(
    "aside",
    { className: "controls" },
    h("h2", {}, "Model"),
    h("p", { className: "note" }, "An MLP 64 → hidden → 10 (ReLU) on the UCI 8×8 digits, cross-entropy loss, trained in a Web Worker with @descent/autograd and @descent/optim. Every optimizer starts from the same weights and sees the same minibatches."),
    h(
      "div",
      { className: "field-grid" },
      numberField("hidden", "hidden units", state.hidden, (v) => {
        state.hidden = v;
        changed();
      }, { min: 1, max: 512, step: 1, integer: true }),
      numberField("epochs", "epochs", state.epochs, (v) => {
        state.epochs = v;
        changed();
      }, { min: 1, max: 200, step: 1, integer: true }),
      numberField("batch-size", "batch size", state.batchSize, (v) => {
        state.batchSize = v;
        changed();
      }, { min: 1, max: 1024, step: 1, integer: true }),
      numberField("train-seed", "seed", state.seed, (v) => {
        state.seed = v;
        changed();
      }, { min: 0, step: 1, integer: true }),
    ),
    h("h2", {}, "Optimizers"),
    ...rows,
    h("div", { className: "buttons" }, trainButton, stopButton),
  );

  draw();
  return h(
    "section",
    { className: "training-tab" },
    controls,
    h("div", { className: "side" }, status, h("h2", {}, "Training loss (smoothed)"), lossChart, h("h2", {}, "Validation accuracy"), accuracyChart, table),
  );
}
