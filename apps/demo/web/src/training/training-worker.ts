import { fetchDigitsText, parseDigits, splitDigits } from "./digits-data";
import type { FromWorker, ToWorker } from "./messages";
import { trainDigits } from "./train-mlp";

/** The part of a dedicated worker's global scope this file uses (the page's DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { config } = event.data;
  fetchDigitsText(config.dataUrl)
    .then((text) => {
      const { inputs, labels } = parseDigits(text);
      trainDigits(config, splitDigits(inputs, labels), (message) => {
        scope.postMessage(message);
      });
    })
    .catch((error: unknown) => {
      scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
    });
};
