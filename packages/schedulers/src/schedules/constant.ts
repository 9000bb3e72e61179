import { POSITIVE, checkNumber, checkOptions } from "../check";
import { makeSchedule, type Schedule } from "./schedule";

export interface ConstantScheduleOptions {
  /** The value at every step; finite and > 0. */
  value: number;
}

/**
 * The same value at every step: `η_t = value`.
 *
 * @example constantSchedule({ value: 0.1 })(1000) // 0.1
 */
export function constantSchedule(options: ConstantScheduleOptions): Schedule {
  const fn = "constantSchedule";
  const o = checkOptions(fn, options);
  const value = checkNumber(fn, "value", o.value, POSITIVE);
  return makeSchedule(fn, () => value);
}
