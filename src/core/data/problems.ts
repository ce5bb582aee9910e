/**
 * Collects row-level problems: every one is counted, the first few of each type are kept with
 * their message (built only when kept, so a file with a million ragged rows stays cheap).
 */
import type { Problem, ProblemType } from "./csvTypes.ts";

/** Encoding problems are listed for the first few fields only; the count says the rest. */
const LIST_LIMIT: Partial<Record<ProblemType, number>> = { encoding: 5 };

/** Counted, capped list of problems found while reading. */
export class ProblemLog {
  readonly counts: Partial<Record<ProblemType, number>> = {};
  private readonly listed: Problem[] = [];

  constructor(private readonly maxProblems: number) {}

  add(type: ProblemType, row: number | null, column: string | null, message: () => string): void {
    const seen = this.counts[type] ?? 0;
    this.counts[type] = seen + 1;
    if (seen < Math.min(this.maxProblems, LIST_LIMIT[type] ?? Number.POSITIVE_INFINITY)) {
      this.listed.push({ type, row, column, message: message() });
    }
  }

  /** Listed problems in file order (file-wide ones first), at most `maxProblems`. */
  list(): Problem[] {
    const sorted = this.listed.slice().sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return sorted.slice(0, this.maxProblems);
  }
}
