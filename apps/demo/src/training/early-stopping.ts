/**
 * Stops training when the validation loss has not improved by more than `minDelta` for
 * `patience` epochs in a row (Prechelt's "early stopping, but when?" rule in its simplest form).
 */
export class EarlyStopping {
  bestLoss = Infinity;
  bestEpoch = -1;
  private waited = 0;

  constructor(
    readonly patience: number,
    readonly minDelta = 0,
  ) {
    if (!(Number.isInteger(patience) && patience >= 1)) throw new Error(`EarlyStopping: patience ${patience}, expected an integer >= 1`);
  }

  /** Records an epoch's validation loss: "improved" (a new best, save the weights), "wait", or "stop". */
  update(epoch: number, validationLoss: number): "improved" | "wait" | "stop" {
    if (validationLoss < this.bestLoss - this.minDelta) {
      this.bestLoss = validationLoss;
      this.bestEpoch = epoch;
      this.waited = 0;
      return "improved";
    }
    this.waited++;
    return this.waited >= this.patience ? "stop" : "wait";
  }
}
