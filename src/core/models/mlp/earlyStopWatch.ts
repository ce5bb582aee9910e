/** The part of the MLP's settings that early stopping reads. */
export interface EarlyStopSettings {
  earlyStopping: boolean;
  /** Smallest drop in the monitored loss that counts as an improvement. */
  tol: number;
  /** Epochs without improvement before training stops. */
  patience: number;
}

/**
 * The early-stopping rule both MLP trainers share (tfjs kernels and the typed-array trainer), so
 * they stop at the same epoch for the same losses: the held-out loss is monitored when there is
 * one, else the training loss; an epoch improves when it beats the best by more than `tol`.
 * Without early stopping every epoch is the best one.
 */
export class EarlyStopWatch {
  private best = Number.POSITIVE_INFINITY;
  private stalled = 0;
  /** The epoch whose weights are kept. */
  bestEpoch = 0;

  constructor(private readonly settings: EarlyStopSettings) {}

  /** Records an epoch; `improved` tells the caller to snapshot its weights now. */
  observe(epoch: number, loss: number, heldLoss: number | undefined): { improved: boolean; stop: boolean } {
    if (!this.settings.earlyStopping) {
      this.bestEpoch = epoch;
      return { improved: false, stop: false };
    }
    const monitored = heldLoss ?? loss;
    if (monitored < this.best - this.settings.tol) {
      this.best = monitored;
      this.bestEpoch = epoch;
      this.stalled = 0;
      return { improved: true, stop: false };
    }
    this.stalled++;
    return { improved: false, stop: this.stalled >= this.settings.patience };
  }
}
