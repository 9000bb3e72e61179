import { notImplemented } from "./not-implemented";

export const runScheduler = notImplemented("scheduler");
