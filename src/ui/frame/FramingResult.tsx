import { Show } from "solid-js";
import type { MetricId } from "../../core/framing/metrics.ts";
import type { TargetFraming } from "../../core/profile/profileFrame.ts";
import { CriterionField } from "./CriterionField.tsx";
import { FeasibilityView } from "./FeasibilityView.tsx";
import { MetricPicker } from "./MetricPicker.tsx";
import { PositiveClassField } from "./PositiveClassField.tsx";
import { TaskSummary } from "./TaskSummary.tsx";

/** What the profile says about a learnable target: task, metric, criterion and feasibility. */
export function FramingResult(props: {
  framing: TargetFraming;
  metric: MetricId | null;
  positiveClass: string | null;
  criterion: string;
  onMetric: (m: MetricId) => void;
  onPositive: (positiveClass: string) => void;
  onCriterion: (text: string) => void;
}) {
  const taskReasons = () => props.framing.detection.reasons;
  // The profile lists the task's reasons first, then the metric's.
  const metricReasons = () => props.framing.reasons.slice(taskReasons().length);
  return (
    <div class="framing-result">
      <TaskSummary task={props.framing.task} reasons={taskReasons()} />
      <div class="frame-columns">
        <div>
          <MetricPicker
            task={props.framing.task}
            metric={props.metric}
            proposed={props.framing.metric}
            reasons={metricReasons()}
            onMetric={props.onMetric}
          />
          <Show when={props.framing.task === "binary"}>
            <PositiveClassField
              detection={props.framing.detection}
              value={props.positiveClass}
              onChange={props.onPositive}
            />
          </Show>
          <CriterionField
            task={props.framing.task}
            metric={props.metric}
            value={props.criterion}
            onInput={props.onCriterion}
          />
        </div>
        <FeasibilityView feasibility={props.framing.feasibility} />
      </div>
    </div>
  );
}
