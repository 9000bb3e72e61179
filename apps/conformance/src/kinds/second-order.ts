import { notImplemented } from "./not-implemented";

export const runSecondOrder = notImplemented("second-order");
