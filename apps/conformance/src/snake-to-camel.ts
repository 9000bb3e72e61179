/**
 * The one place where PyTorch/SciPy option names become descent's (STYLE.md):
 * `weight_decay` → `weightDecay`, `T_max` → `tMax`, `eta_min` → `etaMin`.
 * String values that are enum-like (`fan_in`, `leaky_relu`, `strong_wolfe`) follow the same rule.
 */
export function snakeToCamel(name: string): string {
  const [head = "", ...rest] = name.split("_");
  const first = /^[A-Z]$/.test(head) ? head.toLowerCase() : head;
  return first + rest.map((part) => (part === "" ? "" : part.charAt(0).toUpperCase() + part.slice(1))).join("");
}

/** Renames every key of an options object (one level deep). */
export function camelCaseOptions(options: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options ?? {})) out[snakeToCamel(key)] = value;
  return out;
}
