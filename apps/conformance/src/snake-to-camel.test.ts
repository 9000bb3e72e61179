import { expect, it } from "vitest";
import { snakeToCamel } from "./snake-to-camel";

it("turns PyTorch names into descent's", () => {
  expect(snakeToCamel("weight_decay")).toBe("weightDecay");
  expect(snakeToCamel("T_max")).toBe("tMax");
  expect(snakeToCamel("T_0")).toBe("t0");
  expect(snakeToCamel("eta_min")).toBe("etaMin");
  expect(snakeToCamel("betas")).toBe("betas");
  expect(snakeToCamel("leaky_relu")).toBe("leakyRelu");
});
