/**
 * One stage of the scale bench in its own process, so that its peak memory is its own:
 * `tsx scaleChild.ts STAGE FILE`, STAGE = ingest | profile | recipe. Reads FILE into a Frame
 * (ingest stops there), runs the stage and prints one JSON line {rows, read_s, seconds}.
 * The parent wraps the process in /usr/bin/time for its peak RSS.
 */
import { createReadStream, statSync } from "node:fs";
import { readCsv } from "../../src/core/data/readCsv.ts";
import { fitRecipe } from "../../src/core/pipeline/fitRecipe.ts";
import { proposeRecipe } from "../../src/core/pipeline/proposeRecipe.ts";
import { recipeMatrix } from "../../src/core/pipeline/recipeRows.ts";
import { profileFrame } from "../../src/core/profile/profileFrame.ts";

const [stage, file] = process.argv.slice(2);
const t0 = performance.now();
const { frame } = await readCsv(createReadStream(file, { highWaterMark: 1 << 20 }), {
  totalBytes: statSync(file).size,
});
const readS = (performance.now() - t0) / 1000;
const t1 = performance.now();
if (stage === "profile") {
  profileFrame(frame, { seed: 0, target: "label" });
} else if (stage === "recipe") {
  // The default recipe as a big fold job makes it (runFoldJob): proposed, fitted on the rows
  // without the last step's whole output, then the model matrix filled a block of rows at a time.
  const recipe = proposeRecipe(frame, { target: "label", task: "binary" });
  const fit = fitRecipe(recipe, frame, { target: "label", task: "binary", seed: 0, finalFrame: false });
  recipeMatrix(
    fit.fitted,
    frame,
    Int32Array.from({ length: frame.rows }, (_, i) => i),
  );
} else if (stage !== "ingest") {
  throw new Error(`unknown stage ${stage}`);
}
const seconds = stage === "ingest" ? readS : (performance.now() - t1) / 1000;
console.log(JSON.stringify({ rows: frame.rows, read_s: readS, seconds }));
