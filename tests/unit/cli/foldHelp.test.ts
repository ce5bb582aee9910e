import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { helpCount } from "../../../src/cli/foldHelp.ts";
import { makeRng } from "../../../src/core/random.ts";
import { runCli } from "./runCli.ts";

/**
 * A seeded binary table with missing values and a category, big enough that a fold's gbdt nodes
 * are shared with a helping thread (>= 4,096 rows) and that the pool starts two threads.
 */
function writeTable(rows: number): string {
  const rng = makeRng(16);
  const lines = ["a,b,c,d,e,kind,label"];
  for (let r = 0; r < rows; r++) {
    const x = Array.from({ length: 5 }, () => rng.next() * 4 - 2);
    const kind = ["p", "q", "r"][rng.int(3)];
    const z = x[0] - 0.7 * x[1] + x[2] * x[3] + (kind === "q" ? 0.5 : 0) + rng.next() - 0.5;
    const cells = x.map((v, i) => (i === 4 && rng.next() < 0.05 ? "" : v.toFixed(4)));
    lines.push([...cells, kind, z > 0 ? "yes" : "no"].join(","));
  }
  const path = join(mkdtempSync(join(tmpdir(), "fold-help-")), "table.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const untimed = (json: { leaderboard: Record<string, unknown>[] }) => ({
  ...json,
  leaderboard: json.leaderboard.map(({ fit_seconds: _, ...rest }) => rest),
});

// Trains in this process and its threads: generous time, so a busy machine is slow, not failing.
describe("fold threads helping a gbdt fit", { timeout: 300_000 }, () => {
  it("give the same leaderboard as one thread, and do help", async () => {
    const table = writeTable(24_000);
    const args = ["train", table, "--target", "label", "--models", "gbdt", "--folds", "3"];
    args.push("--tune", "off", "--test-size", "0", "--ensemble", "no", "--json");
    const one = await runCli(...args, "--threads", "1");
    expect(one.code).toBe(0);
    const before = helpCount.chunks;
    const two = await runCli(...args, "--threads", "2");
    expect(two.stderr).toBe("");
    expect(two.code).toBe(0);
    expect(untimed(JSON.parse(two.stdout))).toEqual(untimed(JSON.parse(one.stdout)));
    // Three folds on two threads: the thread with no fold left helped the last one.
    expect(helpCount.chunks).toBeGreaterThan(before);
  });
});
