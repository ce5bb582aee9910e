import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { prepareTfjs } from "../../../src/cli/tfjsBackend.ts";

describe("the command line's tfjs backend", () => {
  it("trains on WASM in Node, and it computes", async () => {
    expect(await prepareTfjs()).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
    expect(y).toBe(11);
  });
});
