import { checkStep } from "../check";

/** A learning-rate (or momentum) schedule: a pure function of the step index 0, 1, 2, ... */
export type Schedule = (step: number) => number;

/**
 * Wraps a formula as a schedule that rejects a step which is not an integer >= 0, naming the
 * factory in the message. The formula itself is then free to assume a valid step.
 */
export function makeSchedule(name: string, formula: (step: number) => number): Schedule {
  const fn = `${name} schedule`;
  return (step: number) => formula(checkStep(fn, step));
}
