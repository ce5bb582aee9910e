import { For, Show } from "solid-js";
import type { CsvReport, ProblemType } from "../../core/data/csvTypes.ts";
import { formatInt } from "../shared/format.ts";
import { formatProblem, PROBLEM_LABELS } from "./labels.ts";

/** What the reader found odd: the listed problems, and counts by type when not all are listed. */
export function ProblemsReport(props: { report: CsvReport }) {
  const counts = () =>
    Object.entries(props.report.problemCounts).filter((e): e is [ProblemType, number] => (e[1] ?? 0) > 0);
  const total = () => counts().reduce((n, [, c]) => n + c, 0);
  const listed = () => props.report.problems.length;

  return (
    <section class="problems" data-testid="problems" aria-labelledby="problems-heading">
      <h3 id="problems-heading">Problems</h3>
      <Show when={listed() > 0 || total() > 0} fallback={<p>No problems found.</p>}>
        <Show when={total() > listed()}>
          <p class="hint" data-testid="problem-counts">
            Showing {formatInt(listed())} of {formatInt(total())} problems:{" "}
            {counts()
              .map(([type, n]) => `${PROBLEM_LABELS[type] ?? type} ${formatInt(n)}`)
              .join(", ")}
            .
          </p>
        </Show>
        <ul class="problem-list">
          <For each={props.report.problems}>{(p) => <li data-testid="problem">{formatProblem(p)}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}
