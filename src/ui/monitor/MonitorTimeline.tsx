import { createMemo, For, Show } from "solid-js";
import { type Criterion, parseCriterion } from "../../core/framing/criterion.ts";
import { timelinePoints, timelineVerdict } from "../../core/monitor/timeline.ts";
import type { MonitorBatchRecord } from "../../persist/monitorBatches.ts";
import { PlotFigure } from "../charts/PlotFigure.tsx";
import { driftTimelineSpec, performanceTimelineSpec } from "./specs/timelineSpec.ts";

/** The criterion as typed in Frame, or null when there is none or it no longer reads. */
export function criterionOf(text: string | null | undefined): Criterion | null {
  if (!text) return null;
  try {
    return parseCriterion(text);
  } catch {
    return null;
  }
}

/**
 * Drift share and performance batch after batch, against the success criterion set in Frame,
 * with what they say in words (first dataset drift, first batch that misses the criterion).
 */
export function MonitorTimeline(props: {
  batches: MonitorBatchRecord[];
  criterion: string | null;
  referenceScore: number | null;
}) {
  const points = createMemo(() => timelinePoints(props.batches));
  const criterion = createMemo(() => criterionOf(props.criterion));
  const verdict = createMemo(() => timelineVerdict(points(), criterion()));
  return (
    <section class="monitor-timeline" aria-labelledby="timeline-heading" data-testid="timeline">
      <h3 id="timeline-heading">Batch after batch</h3>
      <ul class="monitor-verdicts" data-testid="timeline-verdict">
        <For each={verdict()}>{(line) => <li>{line}</li>}</For>
      </ul>
      <div class="monitor-charts">
        <PlotFigure spec={driftTimelineSpec(points())} kind="drift-timeline" />
        <Show when={points().some((p) => p.value !== null)}>
          <PlotFigure
            spec={performanceTimelineSpec(points(), criterion(), props.referenceScore)}
            kind="performance-timeline"
            note="filled: measured on labels; hollow: estimated without labels (CBPE)"
          />
        </Show>
      </div>
    </section>
  );
}
