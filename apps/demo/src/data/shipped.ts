import { fileURLToPath } from "node:url";

/** The folder of data sets shipped with the demo (apps/demo/data). */
export const shippedDataDir = fileURLToPath(new URL("../../data/", import.meta.url));

export const restoreShippedData = "restore it with `git checkout -- apps/demo/data` (the demo ships it)";
