import type { Section } from "../context";
import { perSecond, timedResult } from "../figures";
import { MLP_BATCH, MLP_SIZES } from "../models/mlp-sizes";
import { timeMlp } from "./mlp-timings";

export const autogradSection: Section = {
  name: "autograd",
  title: "Autograd",
  measures: `passes/s of the ${MLP_SIZES.join("-")} MLP at batch ${MLP_BATCH}: forward alone (no graph) and forward + backward of the cross-entropy loss`,
  async run(ctx) {
    const t = await timeMlp(ctx, ["forward", "fwd-bwd"]);
    return [
      timedResult({ section: "autograd", name: `mlp-forward-b${MLP_BATCH}`, unit: "passes/s", higherIsBetter: true, rate: perSecond, ...t.forward }),
      timedResult({ section: "autograd", name: `mlp-fwd-bwd-b${MLP_BATCH}`, unit: "passes/s", higherIsBetter: true, rate: perSecond, ...t["fwd-bwd"] }),
    ];
  },
};
