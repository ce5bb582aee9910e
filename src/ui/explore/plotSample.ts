// The UI may import worker modules as types only (tests/unit/layers.test.ts), so the values are
// repeated here, typed as the worker's own literals: if the worker's change, this stops compiling.
type DataApi = typeof import("../../../workers/dataApi.ts");

/** Rows behind scatter-like plots, as the data worker draws them. */
export const PLOT_SAMPLE_SIZE: DataApi["PLOT_SAMPLE_SIZE"] = 5000;
/** The seed the worker draws the plot sample with. */
export const PLOT_SAMPLE_SEED: DataApi["PLOT_SAMPLE_SEED"] = 0;
