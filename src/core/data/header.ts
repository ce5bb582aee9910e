/** Column names from the header row: trimmed, empty ones named by position, duplicates made unique. */
import type { ProblemLog } from "./problems.ts";

/**
 * Final column names. An empty name becomes "column_N" (1-based position); a repeated name gets
 * "_2", "_3", ... (skipping names already taken). Both are reported as row-1 problems.
 */
export function makeColumnNames(raw: readonly string[], problems: ProblemLog): string[] {
  const names = raw.map((r) => r.trim());
  const taken = new Set(names.filter((n) => n !== ""));
  const used = new Set<string>();
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    let name = names[i];
    if (name === "") {
      name = uniqueName(`column_${i + 1}`, used, taken, true);
      const final = name;
      problems.add("empty_header", 1, final, () => `column ${i + 1} has no name; it is called "${final}"`);
    } else if (used.has(name)) {
      const original = name;
      name = uniqueName(name, used, taken, false);
      const final = name;
      problems.add(
        "duplicate_header",
        1,
        final,
        () => `column name "${original}" appears more than once; column ${i + 1} is called "${final}"`,
      );
    }
    used.add(name);
    out.push(name);
  }
  return out;
}

function uniqueName(base: string, used: Set<string>, taken: Set<string>, baseIsFree: boolean): string {
  if (baseIsFree && !used.has(base) && !taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const candidate = `${base}_${k}`;
    if (!used.has(candidate) && !taken.has(candidate)) return candidate;
  }
}
