// Public entry of @descent/second-order: named re-exports only.
export { minimize } from "./minimize";
export type { MinimizeMethod, MinimizeOptions } from "./minimize";
export type { OptimizeResult, Callback } from "./result";
export type { GradientFunction, HessianFunction, HessianVectorProduct, ScalarFunction, ValueAndGradientFunction } from "./objective";
export { conjugateGradient } from "./linear/conjugate-gradient";
export type { ConjugateGradientOptions, ConjugateGradientResult, LinearOperator } from "./linear/conjugate-gradient";
export { Dcsrch, moreThuente } from "./line-search/more-thuente";
export type { DcsrchOptions, DcsrchTask, LineSearchOutcome, MoreThuenteOptions } from "./line-search/more-thuente";
export { lineSearchWolfe1, lineSearchWolfe2, scalarSearchWolfe1, scalarSearchWolfe2 } from "./line-search/wolfe";
export type { LineFunctions, LineSearchOptions, LineSearchResult, ScalarWolfe2Options, ScalarWolfe2Result, ScalarWolfeOptions, ScalarWolfeResult } from "./line-search/wolfe";
export { lineSearchArmijo, scalarSearchArmijo } from "./line-search/backtracking";
export type { ArmijoOptions, ArmijoResult } from "./line-search/backtracking";
export { modifiedNewtonDirection } from "./methods/newton";
export { leastSquares } from "./least-squares";
export type { LeastSquaresMethod, LeastSquaresOptions, LeastSquaresResult } from "./least-squares";
export type { JacobianFunction, ResidualFunction } from "./least-squares/residuals";
