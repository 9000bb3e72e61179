type Child = Node | string | null;

/** A new element with the given properties (`style`, `role` and `ariaLabel` become attributes, `dataset` is merged) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Omit<HTMLElementTagNameMap[K], "style" | "dataset" | "role" | "ariaLabel">> & {
    style?: string;
    dataset?: Record<string, string>;
    role?: string;
    ariaLabel?: string;
  } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  const { style, dataset, role, ariaLabel, ...rest } = props;
  Object.assign(element, rest);
  // Attributes, not properties: ARIA property reflection is recent in Firefox.
  if (role !== undefined) element.setAttribute("role", role);
  if (ariaLabel !== undefined) element.setAttribute("aria-label", ariaLabel);
  if (style !== undefined) element.setAttribute("style", style);
  if (dataset !== undefined) Object.assign(element.dataset, dataset);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

/** A labelled number input that calls `onValue` with each valid (finite, in range) value typed. */
export function numberField(
  id: string,
  label: string,
  value: number,
  onValue: (value: number) => void,
  range: { min?: number; max?: number; step?: number | "any"; integer?: boolean } = {},
): HTMLLabelElement {
  const input = h("input", { id, type: "number", value: String(value), step: String(range.step ?? "any") });
  if (range.min !== undefined) input.min = String(range.min);
  if (range.max !== undefined) input.max = String(range.max);
  input.addEventListener("input", () => {
    const v = input.valueAsNumber;
    const valid =
      Number.isFinite(v) &&
      (range.min === undefined || v >= range.min) &&
      (range.max === undefined || v <= range.max) &&
      (range.integer !== true || Number.isInteger(v));
    input.classList.toggle("invalid", !valid);
    if (valid) onValue(v);
  });
  return h("label", { className: "field", htmlFor: id }, h("span", {}, label), input);
}

/** A labelled <select> over `options` ([value, text] pairs). */
export function selectField(id: string, label: string, value: string, options: readonly (readonly [string, string])[], onValue: (value: string) => void): HTMLLabelElement {
  const select = h("select", { id }, ...options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)));
  select.addEventListener("change", () => {
    onValue(select.value);
  });
  return h("label", { className: "field", htmlFor: id }, h("span", {}, label), select);
}
