/**
 * Which source files are engine implementation (fitting, scoring, parsing): the main thread may
 * import catalogues (labels, params specs, describe / validate) but none of these, so they stay in
 * the worker chunks. Checked on the source by tests/unit/layers.test.ts and on the built main
 * chunk by the `engine-free-main` plugin in vite.config.ts. Paths are relative to the repository
 * root, with forward slashes.
 */
export const ENGINE_MODULES: readonly RegExp[] = [
  // Models: only the families' meta.ts and the shared catalogue-side files.
  /^src\/core\/models\/(?!.*\/meta\.ts$|modelMeta\.ts$|catalogue\.ts$|capabilities\.ts$)/,
  // Recipe steps: only each step's <step>Info.ts and the params shared by several catalogue parts.
  /^src\/core\/prep\/steps\/(?!.*Info\.ts$|samplingStrategy\.ts$)/,
  /^src\/core\/features\/(creation|selection)\/(?!.*Info\.ts$|selectMethods\.ts$|pairOps\.ts$|safePattern\.ts$)/,
  /^src\/core\/features\/shared\/(columns|scoringData)\.ts$/,
  /^src\/core\/prep\/(columns|selectColumns|stats|splits|targetValues)\.ts$/,
  /^src\/core\/pipeline\/(?!stepCatalogue\.ts$|validateRecipe\.ts$)/,
  /^src\/core\/eval\//,
  /^src\/core\/automl\/(evaluation|ensemble|artifact)\//,
  /^src\/core\/automl\/ladder\/(?!leaderboard\.ts$)/,
  /^src\/core\/data\/(readCsv|tokenizer|recordAssembler|columnBuilder|stringColumn|inferKind|byteDict)\.ts$/,
  /^src\/core\/profile\/(profileFrame|columnStats|correlations|numericSummary|alerts)\.ts$/,
];

/** The engine modules among `files` (repository-relative paths). */
export function engineModulesIn(files: Iterable<string>): string[] {
  return [...files].filter((f) => ENGINE_MODULES.some((re) => re.test(f))).sort();
}
