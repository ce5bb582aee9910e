import { createEffect, on, onCleanup, Show } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { dataClient } from "../bridges/dataClient.ts";
import { projectHref } from "../router/route.ts";
import { Locked } from "../share/Locked.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { FramingResult } from "./FramingResult.tsx";
import { createFrameStore, selectedFrameDataset } from "./frameStore.ts";
import { ProfileProgress } from "./ProfileProgress.tsx";
import { TargetPicker } from "./TargetPicker.tsx";
import { TaskSummary } from "./TaskSummary.tsx";

/** Frame the problem: what to predict, which task that makes, how success is measured. */
export function FramePhase(props: { projectId: string }) {
  const { datasets } = useApp();
  const [state, actions] = createFrameStore({ client: dataClient });
  // A table still loading in the Data phase shares the data worker: wait for it, then read again.
  const loadingHere = () => datasets[0].ingest?.projectId === props.projectId;
  createEffect(
    on([() => props.projectId, loadingHere], ([id, busy]) => {
      if (!busy) void actions.open(id);
    }),
  );
  onCleanup(() => actions.cancel());

  return (
    <section class="panel frame-phase" aria-labelledby="frame-heading">
      <h2 id="frame-heading">Frame the problem</h2>
      <p class="hint">
        Pick the column a model should learn to predict. The app reads the task from it, proposes a metric and
        checks whether the table can carry the problem.
      </p>
      <Show when={loadingHere()}>
        <p class="status-line" role="status">
          A table is still loading in the Data phase; framing starts when it is done.
        </p>
      </Show>
      <Show
        when={selectedFrameDataset(state)}
        fallback={
          <Show when={!state.loading && !loadingHere() && state.projectId}>
            <p class="empty" data-testid="no-dataset">
              No data in this project yet: <a href={projectHref(props.projectId, "data")}>load a table</a>{" "}
              first.
            </p>
          </Show>
        }
      >
        {(dataset) => (
          <Locked area="framing">
            <TargetPicker
              datasets={state.datasets}
              dataset={dataset()}
              target={state.target}
              onDataset={(id) => void actions.selectDataset(id)}
              onTarget={(t) => void actions.selectTarget(t)}
            />
            <Show when={state.profiling}>
              {(p) => <ProfileProgress progress={p().progress} onCancel={actions.cancel} />}
            </Show>
            <Show when={state.cancelled}>
              <p class="status-line" role="status">
                Profiling cancelled.{" "}
                <button type="button" class="link-button" onClick={() => void actions.retry()}>
                  Profile again
                </button>
              </p>
            </Show>
            <ErrorAlert message={state.error} />
            <Show when={state.target === null && !state.loading}>
              <TaskSummary
                task={null}
                reasons={[
                  "No target column chosen, so this is exploration only: pick one to frame a prediction.",
                ]}
              />
            </Show>
            <Show when={state.framing}>
              {(framing) => (
                <FramingResult
                  framing={framing()}
                  metric={state.metric}
                  positiveClass={state.positiveClass}
                  criterion={state.criterion}
                  onMetric={actions.selectMetric}
                  onPositive={actions.selectPositive}
                  onCriterion={actions.setCriterion}
                />
              )}
            </Show>
          </Locked>
        )}
      </Show>
      <Show when={state.saveError}>
        <p class="hint warn-text">{state.saveError}</p>
      </Show>
    </section>
  );
}
