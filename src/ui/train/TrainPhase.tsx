import { createEffect, createMemo, on, Show } from "solid-js";
import { BoundarySection } from "../boundary/BoundarySection.tsx";
import { trainingSummary } from "../recipe/splitSettings.ts";
import { projectHref } from "../router/route.ts";
import { Locked } from "../share/Locked.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { useTrainStore } from "./appTrainStore.ts";
import { FramingSummary } from "./FramingSummary.tsx";
import { RunHistory } from "./RunHistory.tsx";
import { RunProgress } from "./RunProgress.tsx";
import { RunResults } from "./RunResults.tsx";
import { RunSettingsForm } from "./RunSettingsForm.tsx";
import { staleRecipeNote } from "./runSettings.ts";
import { planningSettings, planRowsText } from "./trainState.ts";
import { shownRun } from "./trainStore.ts";

/** Train: the model ladder in workers, a live leaderboard, past runs and each model's evaluation. */
export function TrainPhase(props: { projectId: string }) {
  const [state, actions] = useTrainStore();
  createEffect(
    on(
      () => props.projectId,
      (id) => void actions.open(id),
    ),
  );
  const active = () => (state.active?.projectId === props.projectId ? state.active : null);
  const labels = createMemo(() => new Map((state.plan?.models ?? []).map((m) => [m.id as string, m.label])));
  const target = () => state.project?.framing?.target;

  return (
    <section class="panel train-phase" aria-labelledby="train-heading">
      <h2 id="train-heading">Train</h2>
      <p class="hint">
        A ladder of models from a baseline to a neural net, each cross-validated in background workers so the
        page stays free. Every finished model is saved on this device as it lands.
      </p>
      <ErrorAlert message={state.error} />
      <Show when={state.project && state.projectId === props.projectId && !state.loading}>
        <Show
          when={target() && state.dataset}
          fallback={
            <p class="empty" data-testid="no-target">
              No target to predict yet: <a href={projectHref(props.projectId, "frame")}>pick one in Frame</a>{" "}
              first.
            </p>
          }
        >
          <FramingSummary project={state.project!} dataset={state.dataset!} plan={state.plan} />
          <Show when={staleRecipeNote(state.project!)}>
            {(note) => (
              <p class="hint warn-text" role="status" data-testid="stale-recipe">
                {note()} <a href={projectHref(props.projectId, "prepare")}>Open Prepare</a>
              </p>
            )}
          </Show>
          <Show when={state.plan} fallback={<p class="status-line">Planning the ladder…</p>}>
            {(plan) => (
              <Locked area="run">
                <RunSettingsForm
                  models={plan().models}
                  draft={state.draft}
                  splitText={trainingSummary(
                    state.project?.split,
                    plan().task === "regression" ? null : (target() ?? null),
                  )}
                  rowsText={planRowsText(plan())}
                  prepareHref={projectHref(props.projectId, "prepare")}
                  disabled={Boolean(state.active)}
                  onToggle={actions.toggleModel}
                  onChange={actions.setDraft}
                />
              </Locked>
            )}
          </Show>
          <div class="run-controls">
            <button
              type="button"
              class="button-primary"
              data-testid="start-run"
              disabled={!state.plan || Boolean(state.active)}
              onClick={() => void actions.start()}
            >
              Start training
            </button>
            <Show when={state.active && !active()}>
              <span class="hint">A run of another project is training.</span>
            </Show>
          </div>
          <Show when={active()}>{(a) => <RunProgress active={a()} onCancel={actions.cancel} />}</Show>
          <Show when={shownRun(state)}>
            {(run) => (
              <RunResults
                run={run()}
                labels={labels()}
                live={active()?.runId === run().id}
                selected={state.selectedModel}
                onSelect={actions.selectModel}
                trials={active()?.runId === run().id ? active()?.trials : undefined}
              />
            )}
          </Show>
          <Show when={state.runs.length > 0}>
            <RunHistory
              runs={state.runs}
              shownRunId={state.shownRunId}
              busy={Boolean(state.active)}
              onShow={actions.showRun}
              onResume={(id) => void actions.resume(id)}
            />
          </Show>
          <BoundarySection datasetId={state.dataset!.id} settings={planningSettings(state.project!)} />
        </Show>
      </Show>
    </section>
  );
}
