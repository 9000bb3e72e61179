import type { ScheduleKind, ScheduleValues } from "../schedules/schedule-kinds";
import { h, numberField, selectField } from "../ui/dom";

/**
 * Inputs for a schedule's settings (all but `skip`), calling `onChange` with the new values
 * after each edit. Ids are prefixed with `prefix` so two tabs can show the same schedule.
 */
export function scheduleFields(
  prefix: string,
  kind: ScheduleKind,
  values: ScheduleValues,
  onChange: (values: ScheduleValues) => void,
  skip?: string,
): HTMLElement {
  const current: Record<string, number | string> = { ...values };
  const set = (key: string, value: number | string): void => {
    current[key] = value;
    onChange({ ...current });
  };
  const fields = kind.params
    .filter((param) => param.key !== skip)
    .map((param) => {
      const id = `${prefix}-${kind.id}-${param.key}`;
      if (param.type === "number") {
        return numberField(id, param.label, Number(current[param.key]), (v) => { set(param.key, v); }, {
          min: param.min,
          step: param.step,
          integer: param.step === 1,
        });
      }
      if (param.type === "choice") {
        return selectField(id, param.label, String(current[param.key]), param.choices.map((c) => [c, c] as const), (v) => { set(param.key, v); });
      }
      const input = h("input", { id, type: "text", value: String(current[param.key]) });
      input.addEventListener("input", () => { set(param.key, input.value); });
      return h("label", { className: "field", htmlFor: id }, h("span", {}, param.label), input);
    });
  return h("div", { className: "field-grid" }, ...fields);
}
