import { Show } from "solid-js";
import type { PlanSummary } from "../../../workers/trainApi.ts";
import { METRICS } from "../../core/framing/metrics.ts";
import { TASK_LABELS } from "../../core/framing/task.ts";
import type { DatasetMeta, ProjectRecord } from "../../persist/types.ts";
import { projectHref } from "../router/route.ts";
import { plural } from "../shared/format.ts";

/** What the run will learn, from Frame: table, target, task, ranking metric and success criterion. */
export function FramingSummary(props: {
  project: ProjectRecord;
  dataset: DatasetMeta;
  plan: PlanSummary | null;
}) {
  const framing = () => props.project.framing;
  return (
    <dl class="train-framing" data-testid="train-framing">
      <div>
        <dt>Table</dt>
        <dd>
          {props.dataset.name} · {plural(props.dataset.rows, "row")}
        </dd>
      </div>
      <div>
        <dt>Target</dt>
        <dd data-testid="train-target">{framing()?.target}</dd>
      </div>
      <div>
        <dt>Task</dt>
        <dd data-testid="train-task">{props.plan ? TASK_LABELS[props.plan.task] : "…"}</dd>
      </div>
      <div>
        <dt>Ranked by</dt>
        <dd data-testid="train-metric">{props.plan ? METRICS[props.plan.metric].label : "…"}</dd>
      </div>
      <div>
        <dt>Success criterion</dt>
        <dd>
          <Show
            when={framing()?.criterion}
            fallback={<a href={projectHref(props.project.id, "frame")}>none set</a>}
          >
            {framing()?.criterion}
          </Show>
        </dd>
      </div>
    </dl>
  );
}
