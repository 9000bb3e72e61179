import { notImplemented } from "./not-implemented";

export const runOptimizer = notImplemented("optimizer");
