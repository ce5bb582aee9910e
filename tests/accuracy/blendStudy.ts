/**
 * `npx tsx tests/accuracy/blendStudy.ts DIR [dataset ...]`: the ensemble rung's nested score under
 * several ways of choosing its weights, on the out-of-fold predictions that
 * `tests/accuracy/run.ts --dump DIR` saved, without rerunning the ladder. Each variant's score is
 * nested exactly as the leaderboard's (each fold's weights chosen on the other folds' rows).
 */
import {
  type EnsembleMember,
  type EnsembleOptions,
  ensembleEntry,
} from "../../src/core/automl/ensemble/ensembleEntry.ts";
import type { LeaderboardEntry } from "../../src/core/automl/ladder/leaderboard.ts";
import { memberOfDump, planOfDump, readDumps } from "./dumpPlan.ts";

const VARIANTS: Record<string, EnsembleOptions> = {
  "metric 25": {},
  "log_loss 25": { objective: "log_loss" },
  "metric 50": { rounds: 50 },
};

const [dir, ...wanted] = process.argv.slice(2);
for (const { name, dump } of readDumps(dir, wanted)) {
  const plan = planOfDump(dump.plan);
  const members: EnsembleMember[] = [];
  for (const entry of dump.entries as LeaderboardEntry[]) {
    const pred = dump.predictions[entry.model];
    if (!pred || entry.model === "ensemble") continue;
    members.push(memberOfDump(entry, pred));
  }
  const best = Math.max(
    ...members.map(
      (m) =>
        (m.entry.cv_mean ?? Number.NaN) *
        (plan.metric === "r2" || plan.metric === "accuracy" || plan.metric === "roc_auc" ? 1 : -1),
    ),
  );
  const parts = [`${name.padEnd(16)} best model ${best.toFixed(4)}`];
  for (const [name, opts] of Object.entries(VARIANTS)) {
    const out = ensembleEntry(plan, members, null, opts);
    if (!out) continue;
    const w = Object.entries(out.weights)
      .map(([m, x]) => `${m} ${x!.toFixed(2)}`)
      .join(", ");
    parts.push(`  ${name.padEnd(12)} ${out.entry.cv_mean.toFixed(4)} | ${w}`);
  }
  console.log(parts.join("\n"));
}
