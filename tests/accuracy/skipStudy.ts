/**
 * `npx tsx tests/accuracy/skipStudy.ts TUNED_DIR OFF_DIR model[,model] [dataset ...]`: what a
 * budget that leaves some models on their defaults would score, replayed offline from a tuned and
 * an untuned `tests/accuracy/run.ts --dump`: those models' entries and out-of-fold predictions come
 * from the untuned dump (same seed, same folds: the same as an untuned fit), the others from the
 * tuned one, and the ensemble is chosen again (nested, as the ladder does). Not part of any test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type EnsembleMember, ensembleEntry } from "../../src/core/automl/ensemble/ensembleEntry.ts";
import type { LeaderboardEntry } from "../../src/core/automl/ladder/leaderboard.ts";
import { isBetter } from "../../src/core/framing/metrics.ts";
import { memberOfDump, planOfDump } from "./dumpPlan.ts";

const [tunedDir, offDir, skipText, ...wanted] = process.argv.slice(2);
const skip = new Set(skipText.split(","));
const files = readdirSync(tunedDir)
  .filter((f) => f.endsWith(".json"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.slice(0, -5)));
for (const file of files) {
  const tuned = JSON.parse(readFileSync(join(tunedDir, file), "utf8"));
  const off = JSON.parse(readFileSync(join(offDir, file), "utf8"));
  const plan = planOfDump(tuned.plan);
  const members: EnsembleMember[] = [];
  let best: LeaderboardEntry | null = null;
  for (const e of tuned.entries as LeaderboardEntry[]) {
    if (e.model === "ensemble") continue;
    const from = skip.has(e.model) ? off : tuned;
    const entry = (from.entries as LeaderboardEntry[]).find((x) => x.model === e.model)!;
    const pred = from.predictions[e.model];
    if (!pred) continue;
    members.push(memberOfDump(entry, pred));
    if (e.model !== "baseline" && (!best || isBetter(plan.metric, entry.cv_mean, best.cv_mean))) best = entry;
  }
  const ens = ensembleEntry(plan, members, null);
  const skipped = [...skip].map((m) => {
    const t = (tuned.entries as LeaderboardEntry[]).find((x) => x.model === m);
    const o = (off.entries as LeaderboardEntry[]).find((x) => x.model === m);
    return `${m} ${t?.cv_mean?.toFixed(4)} -> ${o?.cv_mean?.toFixed(4)}`;
  });
  const w = ens
    ? Object.entries(ens.weights)
        .map(([m, x]) => `${m} ${x!.toFixed(2)}`)
        .join(", ")
    : "-";
  console.log(
    `${file.slice(0, -5).padEnd(16)} best model ${best?.model} ${best?.cv_mean.toFixed(4)} | ensemble ${ens?.entry.cv_mean.toFixed(4)} (${w}) | ${skipped.join(", ")}`,
  );
}
