import { notImplemented } from "./not-implemented";

export const runInit = notImplemented("init");
