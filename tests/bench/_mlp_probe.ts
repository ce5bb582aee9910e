import * as tf from "@tensorflow/tfjs";
import { Mlp } from "../../src/core/models/mlp/mlp.ts";
import { synthetic } from "../unit/core/models/datasets.ts";

tf.env().set("IS_NODE", true);
await tf.setBackend("cpu");
for (const task of ["regression", "binary", "multiclass"] as const) {
  const { X, y } = synthetic(task, 60, 11);
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    const m = await new Mlp().fit(X, y, { seed: 3 });
    const s = m.toJSON().state;
    console.log(
      task,
      (performance.now() - t0).toFixed(0),
      "ms",
      s.n_epochs,
      s.best_epoch,
      s.train_loss.at(-1),
      s.validation_loss?.at(-1),
      tf.memory().numTensors,
    );
  }
}
