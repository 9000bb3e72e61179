import { notImplemented } from "./not-implemented";

export const runAutograd = notImplemented("autograd");
