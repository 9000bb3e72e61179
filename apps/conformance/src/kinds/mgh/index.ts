import { bard, beale, biggsExp6, box3d, brownDennis, gaussian, gulf, jennrichSampson, kowalikOsborne, meyer, osborne1, osborne2, watson } from "./data-fitting";
import {
  brownBadlyScaled,
  extendedPowell,
  freudensteinRoth,
  helicalValley,
  powellBadlyScaled,
  powellSingular,
  rosenbrock,
  wood,
} from "./nonlinear-equations";
import type { MghProblem } from "./problem";
import {
  broydenBanded,
  broydenTridiagonal,
  brownAlmostLinear,
  chebyquad,
  discreteBoundary,
  discreteIntegral,
  linearFullRank,
  penalty1,
  penalty2,
  trigonometric,
  variablyDimensioned,
} from "./variable-dimension";

export { sumOfSquares } from "./problem";
export type { MghProblem, SumOfSquares } from "./problem";

/** Every MGH problem of SCHEMA.md's second-order section, by the cases' name. */
export const mghProblems: ReadonlyMap<string, MghProblem> = new Map(
  [
    rosenbrock,
    freudensteinRoth,
    powellBadlyScaled,
    brownBadlyScaled,
    beale,
    jennrichSampson,
    helicalValley,
    bard,
    gaussian,
    meyer,
    gulf,
    box3d,
    powellSingular,
    wood,
    kowalikOsborne,
    brownDennis,
    osborne1,
    biggsExp6,
    osborne2,
    watson,
    extendedPowell,
    penalty1,
    penalty2,
    variablyDimensioned,
    trigonometric,
    brownAlmostLinear,
    discreteBoundary,
    discreteIntegral,
    broydenTridiagonal,
    broydenBanded,
    linearFullRank,
    chebyquad,
  ].map((p) => [p.name, p]),
);
