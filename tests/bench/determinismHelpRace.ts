/**
 * The determinism defect of session 8 (one 1M CV run at 0.9013 in 37.5 s where every other gave
 * 0.9160554 in 47-54 s), with its trigger forced and its consequence left to the threads: a binary
 * gbdt fit (early stopping on) helped by a real helper thread (histHelp.ts), the owner stalling
 * inside its first shared task just before it stores the task's claim word, as a preempted or
 * not yet optimised owner would. Before 4788178 a helper waking in that stall read the task's PARTS
 * with the old word (0 on a fresh board) and claimed a chunk of it; when it then also took the
 * task's other chunk before the owner did (a quiet machine: a fast wake), the owner stopped
 * waiting one chunk early, task after task, and read half-built loss steps and histograms: the
 * loss exploded and early stopping ended the fit. At d3af751 (before the fix), 400k x 20, 4 runs at
 * load 11: 3 differ from the one-thread model, two of them stopped at 10 of 60 iterations with test
 * ROC AUC 0.8413 and 0.9044 (0.9638 alone) in 3.0-3.4 s (9-10 s helped, same model). Since 4788178
 * the word is at chunk 255 during the stall: no claim, the same model in 4 of 4 runs.
 *
 * npx tsx tests/bench/determinismHelpRace.ts [--rows=400000] [--cols=20] [--iters=60] [--runs=3] [--stall=250]
 * (the stall ends when a helper claims against the old word, or after --stall ms: the helper
 * sleeps at most 100 ms between looks at the board, so 250 lets it look at least twice).
 */
import { createHash } from "node:crypto";
import { Worker } from "node:worker_threads";
import { rocAucBinary } from "../../src/core/eval/rocCurve.ts";
import { Gbdt } from "../../src/core/models/gbdt/gbdt.ts";
import {
  BOARD_WORDS,
  type HistHelpOffer,
  setHistogramHelp,
  W_CLAIM,
  W_JOINED,
} from "../../src/core/models/trees/histHelp.ts";
import { seededRows } from "../unit/core/models/gbdt/seededRows.ts";

const opt = (name: string, fallback: string) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const ROWS = opt("rows", "400000");
const COLS = opt("cols", "20");
const RUNS = opt("runs", "3");
const STALL_MS = opt("stall", "250");
const params = { max_iter: opt("iters", "60"), max_leaf_nodes: 31, early_stopping: true } as const;

/** A seeded binary problem with missing values and one wavy feature. */
function problem(rows: number, cols: number, seed: number) {
  const { X, values } = seededRows(
    rows,
    cols,
    seed,
    (c, v) => (c % 3 === 0 ? 1 : -0.5) * v * (c < 6 ? 1 : 0.2) + (c === 1 ? 0.8 * Math.sin(3 * v) : 0),
    (z, u) => (z + 2 * (u - 0.5) > 0 ? 1 : 0),
  );
  return { X, y: { values, classes: ["0", "1"] } };
}

const train = problem(ROWS, COLS, 11);
const test = problem(50_000, COLS, 12);

/** Fits, then: model hash, iterations, seconds, ROC AUC on the test rows. */
function fitAndScore() {
  const t0 = performance.now();
  const fit = new Gbdt(params).fit(train.X, train.y, { seed: 3 });
  const seconds = (performance.now() - t0) / 1000;
  const state = fit.toJSON() as { state: { n_iter: number } };
  const proba = fit.predictProba(test.X);
  const positive = new Float64Array(test.X.rows);
  for (let i = 0; i < positive.length; i++) positive[i] = proba[i * 2 + 1];
  const hash = createHash("sha1").update(JSON.stringify(state)).digest("hex").slice(0, 12);
  return { hash, iterations: state.state.n_iter, seconds, auc: rocAucBinary(test.y.values, positive) };
}

const show = (r: ReturnType<typeof fitAndScore>) =>
  `${r.hash} ${r.iterations} iterations ${r.seconds.toFixed(1)} s test AUC ${r.auc.toFixed(6)}`;

const alone = fitAndScore();
console.log(`alone  ${show(alone)}`);

type Store = (a: Int32Array, i: number, v: number) => number;
const atomics = Atomics as unknown as { store: Store };
const realStore = atomics.store;
let different = 0;
for (let run = 0; run < RUNS; run++) {
  const worker = new Worker(new URL("./determinismHelpThread.mjs", import.meta.url));
  await new Promise((resolve) => worker.once("message", resolve));
  const built = new Promise<number>((resolve) => worker.once("message", resolve));
  let board: Int32Array | null = null;
  setHistogramHelp({
    helpers: 1,
    offer(offer: HistHelpOffer) {
      worker.postMessage(offer);
      board = new Int32Array(offer.memory.buffer, offer.board, BOARD_WORDS);
      // The helper joins before the fit goes on, as a CLI thread idle when the offer comes.
      while (Atomics.load(board, W_JOINED) === 0);
      return () => {};
    },
  });
  // The stall: at the owner's store of its first task's word (sequence 1, chunk 0).
  let claimed = -1;
  atomics.store = (a, i, v) => {
    if (claimed < 0 && board && a.buffer === board.buffer && i === W_CLAIM && v === 1 << 8) {
      const before = Atomics.load(board, W_CLAIM);
      const t0 = performance.now();
      // Until a helper claims against the old word (it then builds that chunk while the owner
      // goes on), or STALL_MS.
      while (performance.now() - t0 < STALL_MS && Atomics.load(board, W_CLAIM) === before);
      claimed = Atomics.load(board, W_CLAIM) - before;
    }
    return realStore(a, i, v);
  };
  let r: ReturnType<typeof fitAndScore>;
  try {
    r = fitAndScore();
  } finally {
    atomics.store = realStore;
    setHistogramHelp(null);
  }
  const chunks = await built;
  await worker.terminate();
  if (r.hash !== alone.hash) different++;
  console.log(
    `run ${run} ${show(r)} ${r.hash === alone.hash ? "same" : "DIFFERENT"}; chunks claimed in the stall ${claimed}, helper built ${chunks}`,
  );
}
console.log(`${different} of ${RUNS} helped fits differ from the one-thread fit`);
