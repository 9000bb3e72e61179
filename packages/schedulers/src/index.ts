// Public entry of @descent/schedulers: named re-exports only.
export { InvalidArgumentError } from "./errors";

export type { Schedule } from "./schedules/schedule";
export { constantSchedule, type ConstantScheduleOptions } from "./schedules/constant";
export { stepDecay, multiStepDecay, type StepDecayOptions, type MultiStepDecayOptions } from "./schedules/step-decay";
export { exponentialDecay, inverseTimeDecay, inverseSqrtDecay, type ExponentialDecayOptions, type InverseDecayOptions } from "./schedules/exponential";
export { polynomialDecay, type PolynomialDecayOptions } from "./schedules/polynomial";
export { linearToFloor, linearWarmup, type LinearToFloorOptions, type LinearWarmupOptions } from "./schedules/linear";
export { cosineDecay, cosineWarmRestarts, type CosineDecayOptions, type CosineWarmRestartsOptions } from "./schedules/cosine";
export { cyclicSchedule, type CyclicMode, type CyclicScheduleOptions } from "./schedules/cyclic";
export { oneCycleSchedule, type AnnealStrategy, type OneCycleScheduleOptions } from "./schedules/onecycle";
export { joinSchedules, warmup, type WarmupOptions } from "./schedules/join";

export type { OptimizerLike, ParamGroupLike } from "./optimizer-like";
export { LRScheduler, type LRSchedulerState, type ResolveSettings, type ResumeOptions, type Scheduler } from "./lr-scheduler";
export { LambdaLR, type LambdaLROptions, type LrLambda } from "./lambda-lr";
export { MultiplicativeLR, type MultiplicativeLROptions } from "./multiplicative-lr";
export { StepLR, type StepLROptions, type StepLRSettings, type StepLRState } from "./step-lr";
export { MultiStepLR, type MultiStepLROptions, type MultiStepLRSettings, type MultiStepLRState } from "./multi-step-lr";
export { ConstantLR, type ConstantLROptions, type ConstantLRSettings, type ConstantLRState } from "./constant-lr";
export { LinearLR, type LinearLROptions, type LinearLRSettings, type LinearLRState } from "./linear-lr";
export { ExponentialLR, type ExponentialLROptions, type ExponentialLRSettings, type ExponentialLRState } from "./exponential-lr";
export { PolynomialLR, type PolynomialLROptions, type PolynomialLRSettings, type PolynomialLRState } from "./polynomial-lr";
export { CosineAnnealingLR, type CosineAnnealingLROptions, type CosineAnnealingLRSettings, type CosineAnnealingLRState } from "./cosine-annealing-lr";
export {
  CosineAnnealingWarmRestarts,
  type CosineAnnealingWarmRestartsOptions,
  type CosineAnnealingWarmRestartsSettings,
  type CosineAnnealingWarmRestartsState,
} from "./cosine-annealing-warm-restarts";
export { CyclicLR, type CyclicLROptions, type CyclicLRState, type CyclicScaleMode } from "./cyclic-lr";
export { OneCycleLR, type OneCycleLROptions, type OneCycleLRSettings, type OneCycleLRState } from "./one-cycle-lr";
export {
  ReduceLROnPlateau,
  type PlateauMode,
  type ReduceLROnPlateauOptions,
  type ReduceLROnPlateauSettings,
  type ReduceLROnPlateauState,
  type ThresholdMode,
} from "./reduce-lr-on-plateau";
export { SequentialLR, type SequentialLROptions, type SequentialLRState } from "./sequential-lr";
export { ChainedScheduler, type ChainedSchedulerState } from "./chained-scheduler";

export { lrFinder, type LrFinderOptions, type LrFinderResult } from "./lr-finder";
