import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PINNED, runPinned } from "./pinnedCases.ts";

// Same seed, same leaderboard: every score of these ladders is pinned to the last digit, so a
// refactor that changes a number (not just where code lives) fails here.
const dir = join(import.meta.dirname, "..", "..", "..", "..", "fixtures", "leaderboards");

describe("pinned leaderboards", () => {
  for (const c of PINNED) {
    it(`${c.name}: identical scores, params and ensemble for seed ${c.seed}`, async () => {
      const expected = JSON.parse(readFileSync(join(dir, `${c.name}.json`), "utf8"));
      const entries = await runPinned(c);
      expect(entries.map((e: { model: string }) => e.model)).toEqual(
        expected.map((e: { model: string }) => e.model),
      );
      for (let i = 0; i < expected.length; i++) expect(entries[i]).toEqual(expected[i]);
    }, 600_000);
  }
});
