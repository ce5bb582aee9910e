// Writes the pinned leaderboards (see pinnedCases.ts). Run only for a stated algorithm change.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PINNED, runPinned } from "./pinnedCases.ts";

const dir = join(import.meta.dirname, "..", "..", "..", "..", "fixtures", "leaderboards");
for (const c of PINNED) {
  const entries = await runPinned(c);
  writeFileSync(join(dir, `${c.name}.json`), `${JSON.stringify(entries, null, 1)}\n`);
  console.log(c.name, entries.map((e) => `${e.model} ${e.cv_mean}`).join(", "));
}
