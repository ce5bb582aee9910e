/**
 * `npx tsx tests/accuracy/marginStudy.ts QUICK_DIR OFF_DIR MARGINS [dataset ...]`: what the
 * search's "keep the defaults unless clearly beaten" rule (tuneFold.ts `DEFAULTS_MARGIN`) would
 * give at other margins, offline, from two `tests/accuracy/run.ts --dump` folders of the same
 * datasets and seed: one tuned (QUICK_DIR), one with `--tune off` (OFF_DIR). For each tuned model
 * and outer fold, the fold keeps the tuned model's out-of-fold predictions when its winner beat
 * the defaults' last-rung inner score by more than the margin (in the metric's units), else takes
 * the untuned model's; then each model's score and the ensemble (nested, as the ladder's) are
 * recomputed. MARGINS: comma-separated, e.g. 0,0.002,0.005. Exact for models searched over rows;
 * for gbdt (searched over boosting rounds) the tuned "defaults" are candidate 0 at the last rung's
 * rounds, which the untuned run does not have, so gbdt is left as tuned. A margin below the one
 * QUICK_DIR ran with cannot bring back winners that rule already dropped. Not part of any test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type EnsembleMember, ensembleEntry } from "../../src/core/automl/ensemble/ensembleEntry.ts";
import { scoreMetric } from "../../src/core/automl/evaluation/scoreMetrics.ts";
import type { LadderPlan } from "../../src/core/automl/ladder/ladderPlan.ts";
import type { LeaderboardEntry } from "../../src/core/automl/ladder/leaderboard.ts";
import { getMetric, isBetter } from "../../src/core/framing/metrics.ts";
import { floats, ints, planOfDump } from "./dumpPlan.ts";

/** The folds of `entry`'s search whose winner did not beat the defaults by more than `margin`. */
function revertedFolds(entry: LeaderboardEntry, metric: LadderPlan["metric"], margin: number): Set<number> {
  const out = new Set<number>();
  const t = entry.tuning;
  if (!t || entry.model === "gbdt") return out;
  const sign = getMetric(metric).direction === "higher" ? 1 : -1;
  for (const [f, c] of t.chosen.entries()) {
    const last = Math.max(...t.trials.filter((x) => x.fold === f).map((x) => x.rung));
    const at = (cand: number) =>
      t.trials.find((x) => x.fold === f && x.rung === last && x.candidate === cand)!.score;
    if (c === 0 || !(sign * (at(c) - at(0)) > margin)) out.add(f);
  }
  return out;
}

const [quickDir, offDir, marginText, ...wanted] = process.argv.slice(2);
const margins = marginText.split(",").map(Number);
const files = readdirSync(offDir)
  .filter((f) => f.endsWith(".json"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.slice(0, -5)));
for (const file of files) {
  const quick = JSON.parse(readFileSync(join(quickDir, file), "utf8"));
  const off = JSON.parse(readFileSync(join(offDir, file), "utf8"));
  const plan = planOfDump(quick.plan);
  const k = plan.classes?.length ?? 0;
  const width = k || 1;
  const foldOf = new Map<number, number>();
  for (const [f, fold] of plan.folds.entries()) for (const r of fold.test) foldOf.set(r, f);
  const lines = [`${file.slice(0, -5)}`];
  for (const margin of margins) {
    const members: EnsembleMember[] = [];
    const notes: string[] = [];
    let best = Number.NaN;
    for (const entry of quick.entries as LeaderboardEntry[]) {
      const q = quick.predictions[entry.model];
      const o = off.predictions[entry.model];
      if (entry.model === "ensemble" || !q || !o) continue;
      const back = revertedFolds(entry, plan.metric, margin);
      const rows = ints(q.oof.rows);
      const yTrue = floats(q.oof.yTrue)!;
      const predicted = floats(q.oof.predicted)!;
      const proba = floats(q.oof.proba);
      const offAt = new Map<number, number>();
      for (const [i, r] of (o.oof.rows as number[]).entries()) offAt.set(r, i);
      const offPredicted = floats(o.oof.predicted)!;
      const offProba = floats(o.oof.proba);
      for (const [i, r] of rows.entries()) {
        if (!back.has(foldOf.get(r)!)) continue;
        const j = offAt.get(r)!;
        predicted[i] = offPredicted[j];
        if (proba && offProba) proba.set(offProba.subarray(j * width, (j + 1) * width), i * width);
      }
      const where = new Map<number, number>();
      for (const [i, r] of rows.entries()) where.set(r, i);
      const scores = plan.folds.map((fold) => {
        const at = Array.from(fold.test, (r) => where.get(r)!);
        const pick = (a: Float64Array, w: number) =>
          Float64Array.from(at.flatMap((i) => Array.from(a.subarray(i * w, (i + 1) * w))));
        return scoreMetric(plan.metric, {
          yTrue: pick(yTrue, 1),
          yPred: pick(predicted, 1),
          proba: proba ? pick(proba, width) : null,
          nClasses: k || undefined,
        });
      });
      const cv = scores.reduce((a, b) => a + b, 0) / scores.length;
      if (entry.tuning) notes.push(`${entry.model} ${cv.toFixed(4)} (${back.size} back)`);
      if (entry.model !== "baseline" && (Number.isNaN(best) || isBetter(plan.metric, cv, best))) best = cv;
      members.push({
        entry: { ...entry, cv_mean: cv },
        predictions: { ...q, oof: { rows, yTrue, predicted, proba }, test: null },
      });
    }
    const ensemble = ensembleEntry(plan, members, null)?.entry.cv_mean ?? Number.NaN;
    if (isBetter(plan.metric, ensemble, best)) best = ensemble;
    lines.push(
      `  margin ${String(margin).padEnd(6)} best ${best.toFixed(4)}  ensemble ${ensemble.toFixed(4)} | ${notes.join(", ")}`,
    );
  }
  console.log(lines.join("\n"));
}
