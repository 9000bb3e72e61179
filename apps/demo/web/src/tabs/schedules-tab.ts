import type { SchedulesDebug } from "../debug";
import { prepareCanvas } from "../plot/hidpi";
import { drawLineChart } from "../plot/line-chart";
import { SCHEDULE_KINDS } from "../schedules/schedule-kinds";
import type { ScheduleKind, ScheduleValues } from "../schedules/schedule-kinds";
import type { SchedulesState } from "../state/playground-state";
import { h, numberField } from "../ui/dom";
import { scheduleFields } from "./schedule-fields";

const CARD_WIDTH = 330;
const CARD_HEIGHT = 170;

/** Tab 2: one card per pure schedule of @descent/schedulers, with its formula, settings and curve. */
export function createSchedulesTab(state: SchedulesState, changed: () => void, debug: SchedulesDebug): HTMLElement {
  const cards = h("div", { className: "cards" });

  function valuesOf(kind: ScheduleKind): ScheduleValues {
    return state.values[kind.id] ?? kind.defaults(state.horizon);
  }

  function card(kind: ScheduleKind): HTMLElement {
    const canvas = h("canvas", { id: `schedule-chart-${kind.id}` });
    const message = h("p", { className: "note" });
    const draw = (values: ScheduleValues): void => {
      const context = prepareCanvas(canvas, CARD_WIDTH, CARD_HEIGHT);
      let curve: number[];
      try {
        const schedule = kind.create(values);
        curve = Array.from({ length: state.horizon }, (_, t) => schedule(t));
        message.textContent = "";
        message.classList.remove("error");
        debug.curves[kind.id] = curve;
      } catch (error) {
        curve = [];
        message.textContent = error instanceof Error ? error.message : String(error);
        message.classList.add("error");
        debug.curves[kind.id] = message.textContent;
      }
      drawLineChart(context, CARD_WIDTH, CARD_HEIGHT, [{ label: kind.id, color: "#ffb454", ys: curve }], {
        xLabel: "step t",
        yLabel: "η_t",
        xRange: [0, Math.max(1, state.horizon - 1)],
        // From 0, so a curve's shape and its size relative to η₀ both show.
        yRange: [0, 1.05 * curve.reduce((m, v) => (Number.isFinite(v) && v > m ? v : m), 0) || 1],
      });
    };
    const fields = scheduleFields("schedules", kind, valuesOf(kind), (values) => {
      state.values[kind.id] = values;
      changed();
      draw(values);
    });
    draw(valuesOf(kind));
    return h(
      "article",
      { className: "card", id: `schedule-${kind.id}` },
      h("h3", {}, kind.label, " ", h("code", {}, kind.call)),
      h("p", { className: "formula" }, kind.formula),
      fields,
      canvas,
      message,
    );
  }

  function render(): void {
    cards.replaceChildren(...SCHEDULE_KINDS.map(card));
  }

  const horizon = numberField("horizon", "steps shown", state.horizon, (v) => {
    state.horizon = v;
    // Settings left at their defaults follow the new horizon; edited ones stay as they are.
    changed();
    render();
  }, { min: 2, max: 100_000, step: 1, integer: true });

  render();
  return h(
    "section",
    { className: "schedules-tab" },
    h("p", { className: "intro" }, "Each pure schedule of @descent/schedulers is a function of the step. Change a setting to redraw its curve; the link keeps your settings."),
    h("div", { className: "field-grid narrow" }, horizon),
    cards,
  );
}
