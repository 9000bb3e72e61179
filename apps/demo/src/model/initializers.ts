import { kaimingNormal, lecunNormal, normal, orthogonal, xavierNormal, zeros } from "@descent/init";
import type { Generator, Tensor } from "@descent/tensor";

/** The weight initializations the init experiment compares (biases start at 0 for all of them). */
export const initNames = ["zero", "normal-1", "normal-0.01", "lecun", "xavier", "he", "orthogonal"] as const;
export type InitName = (typeof initNames)[number];

export const initLabels: Record<InitName, string> = {
  zero: "zero",
  "normal-1": "N(0, 1)",
  "normal-0.01": "N(0, 0.01²)",
  lecun: "LeCun N(0, 1/fan_in)",
  xavier: "Xavier N(0, 2/(fan_in+fan_out))",
  he: "He N(0, 2/fan_in)",
  orthogonal: "orthogonal (gain of the activation)",
};

/** Short names for chart legends. */
export const initShortLabels: Record<InitName, string> = {
  zero: "zero",
  "normal-1": "N(0, 1)",
  "normal-0.01": "N(0, 0.01²)",
  lecun: "LeCun",
  xavier: "Xavier",
  he: "He",
  orthogonal: "orthogonal",
};

/** Fills a Linear weight (out, in) in place with the named initialization. */
export function initializeWeight(weight: Tensor, name: InitName, activation: "relu" | "tanh", generator: Generator): void {
  switch (name) {
    case "zero":
      zeros(weight);
      return;
    case "normal-1":
      normal(weight, { mean: 0, std: 1, generator });
      return;
    case "normal-0.01":
      normal(weight, { mean: 0, std: 0.01, generator });
      return;
    case "lecun":
      lecunNormal(weight, { generator });
      return;
    case "xavier":
      // Glorot & Bengio derived the variance for tanh units near 0, where tanh'(0) = 1: gain 1.
      xavierNormal(weight, { generator });
      return;
    case "he":
      kaimingNormal(weight, { nonlinearity: activation === "relu" ? "relu" : "tanh", generator });
      return;
    case "orthogonal":
      orthogonal(weight, { gain: activation === "relu" ? Math.SQRT2 : 5 / 3, generator });
      return;
  }
}
