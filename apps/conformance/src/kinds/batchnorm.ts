import { notImplemented } from "./not-implemented";

export const runBatchnorm = notImplemented("batchnorm");
