/** The plot sample's size and seed, shared by the worker call, the screen note and the report. */
export { PLOT_SAMPLE_SEED, PLOT_SAMPLE_SIZE } from "../../core/profile/sample.ts";
