import * as tf from "@tensorflow/tfjs";

/**
 * What the output layer predicts: a standardised value (squared error), the log-odds of the second
 * class (sigmoid cross-entropy), or one score per class (softmax cross-entropy).
 */
export type Head = "regression" | "binary" | "multiclass";

/**
 * Loss per row, shape [rows]. `targets` is rows x outputs: the standardised value, the 0 / 1
 * label, or the one-hot class row.
 */
export function rowLosses(scores: tf.Tensor2D, targets: tf.Tensor2D, head: Head): tf.Tensor1D {
  if (head === "regression") return tf.sum(tf.squaredDifference(scores, targets), 1);
  if (head === "binary") {
    // max(z, 0) - z y + log(1 + exp(-|z|)): the overflow-free form TensorFlow uses.
    const softplus = tf.log1p(tf.exp(tf.neg(tf.abs(scores))));
    return tf.sum(tf.add(tf.sub(tf.relu(scores), tf.mul(scores, targets)), softplus), 1);
  }
  return tf.neg(tf.sum(tf.mul(targets, tf.logSoftmax(scores)), 1));
}

/**
 * Class probabilities from raw scores, in float64 so that each row sums to 1 to double precision
 * (float32 tensors would leave errors near 1e-7). Binary: one log-odds score per row.
 */
export function probabilities(scores: Float32Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows * k);
  if (k === 2) {
    for (let i = 0; i < rows; i++) {
      const q = 1 / (1 + Math.exp(-scores[i]));
      out[i * 2] = 1 - q;
      out[i * 2 + 1] = q;
    }
    return out;
  }
  for (let i = 0; i < rows; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, scores[i * k + c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[i * k + c] = Math.exp(scores[i * k + c] - max);
    for (let c = 0; c < k; c++) out[i * k + c] /= sum;
  }
  return out;
}
