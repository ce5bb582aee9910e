/**
 * What the predictor bundle gets for "@tensorflow/tfjs": tfjs-core with only the CPU backend.
 * The neural net's predictions need nothing else, and the CPU backend computes in plain
 * JavaScript, so the page gives the same numbers in every browser (and as `predict` in Node).
 */
import "@tensorflow/tfjs-backend-cpu";

export * from "@tensorflow/tfjs-core";
