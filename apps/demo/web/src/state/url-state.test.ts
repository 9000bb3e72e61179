import { describe, expect, test } from "vitest";
import { defaultState, optimizerChoice } from "./playground-state";
import { decodeState, encodeState } from "./url-state";

describe("URL state", () => {
  test("an empty fragment gives the defaults", () => {
    expect(decodeState("")).toEqual(defaultState());
  });

  test("every setting survives encode → decode", () => {
    const state = defaultState();
    state.tab = "schedules";
    state.paths = {
      fn: "quadratic",
      kappa: 50,
      noise: 0.25,
      seed: 7,
      start: [-1.25, 0.5],
      steps: 321,
      speed: 3,
      optimizers: [optimizerChoice("nesterov", { lr: 0.002, momentum: 0.8 }), optimizerChoice("adamw", { weightDecay: 0.1 })],
      schedule: { id: "multiStepDecay", values: { initValue: 1, milestones: "100,200", gamma: 0.3 } },
    };
    state.schedules = { horizon: 250, values: { cyclicSchedule: { baseValue: 0.02, maxValue: 0.2, stepSizeUp: 10, stepSizeDown: 30, mode: "expRange", gamma: 0.995 } } };
    state.training = { optimizers: [{ id: "rmsprop", lr: 0.004 }], hidden: 16, epochs: 3, batchSize: 64, seed: 9 };
    expect(decodeState(`#${encodeState(state)}`)).toEqual(state);
  });

  test("a function without a start point starts at that function's suggested start", () => {
    // Beale's plot suggests (1, 1.5); Rosenbrock's (the default function) is (−1.5, 2).
    expect(decodeState("#f=beale").paths.start).toEqual([1, 1.5]);
    expect(decodeState("#f=beale&start=0.5,0.25").paths.start).toEqual([0.5, 0.25]);
  });

  test("malformed values fall back to their defaults and unknown names are ignored", () => {
    const fallback = defaultState();
    const state = decodeState("#f=nope&steps=-5&kappa=abc&start=1,x&opt=adam:lr=-1,beta1=0.5;bogus:lr=1;adam:lr=9&sched=cyclicSchedule:mode=sideways&x=%E0");
    expect(state.paths.fn).toBe(fallback.paths.fn);
    expect(state.paths.steps).toBe(fallback.paths.steps);
    expect(state.paths.kappa).toBe(fallback.paths.kappa);
    expect(state.paths.start).toEqual(fallback.paths.start);
    // Adam once (the duplicate is dropped), lr below its range kept at the default, β₁ taken.
    expect(state.paths.optimizers).toEqual([optimizerChoice("adam", { beta1: 0.5 })]);
    expect(state.paths.schedule.values.mode).toBe("triangular2");
  });
});
