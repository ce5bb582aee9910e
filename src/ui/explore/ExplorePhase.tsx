import { createEffect, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { dataClient } from "../bridges/dataClient.ts";
import { ProfileProgress } from "../frame/ProfileProgress.tsx";
import { ExportReportButton } from "../report/ExportReportButton.tsx";
import { projectHref } from "../router/route.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { plural } from "../shared/format.ts";
import { AlertsView } from "./AlertsView.tsx";
import { ColumnsView } from "./ColumnsView.tsx";
import { ExploreTabs, type ExploreView } from "./ExploreTabs.tsx";
import { createExploreStore } from "./exploreStore.ts";
import { framingRows } from "./framingRows.ts";
import { MultivariateView } from "./MultivariateView.tsx";
import { OverviewView } from "./OverviewView.tsx";
import { RelationshipsView } from "./RelationshipsView.tsx";

/** Explore the table: its overview, alerts, each column, relationships and all columns at once. */
export function ExplorePhase(props: { projectId: string }) {
  const { datasets } = useApp();
  const [state, actions] = createExploreStore({ client: dataClient });
  const [view, setView] = createSignal<ExploreView>("overview");
  const loadingHere = () => datasets[0].ingest?.projectId === props.projectId;
  createEffect(
    on([() => props.projectId, loadingHere], ([id, busy]) => {
      if (!busy) void actions.open(id);
    }),
  );
  onCleanup(() => actions.cancel());
  const frameHref = () => projectHref(props.projectId, "frame");

  const reportSource = () => {
    const profile = state.profile;
    const sample = state.sample;
    if (!profile || !sample || !state.dataset) return null;
    return {
      datasetName: state.dataset.name,
      profile,
      sample,
      framing: framingRows(state.framing, state.target, profile.task),
    };
  };

  return (
    <section class="panel explore-phase" aria-labelledby="explore-heading">
      <div class="explore-head">
        <div>
          <h2 id="explore-heading">Explore the data</h2>
          <Show when={state.dataset}>
            {(d) => (
              <p class="hint explore-dataset" data-testid="explore-dataset">
                {d().name} · {plural(d().rows, "row")} ·{" "}
                {state.target ? (
                  <>
                    target <strong>{state.target}</strong>
                  </>
                ) : (
                  <>
                    no target (<a href={frameHref()}>frame one</a>)
                  </>
                )}
              </p>
            )}
          </Show>
        </div>
        <ExportReportButton source={reportSource} />
      </div>
      <Show when={loadingHere()}>
        <p class="status-line" role="status">
          A table is still loading in the Data phase; exploring starts when it is done.
        </p>
      </Show>
      <Show when={state.working}>
        {(w) => <ProfileProgress progress={w().progress} onCancel={actions.cancel} />}
      </Show>
      <Show when={state.cancelled}>
        <p class="status-line" role="status">
          Cancelled.{" "}
          <button type="button" class="link-button" onClick={() => void actions.open(props.projectId)}>
            Start again
          </button>
        </p>
      </Show>
      <ErrorAlert message={state.error} />
      <Show when={state.note}>
        <p class="hint warn-text">{state.note}</p>
      </Show>
      <Show when={!state.loading && !state.dataset && state.projectId && !loadingHere()}>
        <p class="empty" data-testid="no-dataset">
          No data in this project yet: <a href={projectHref(props.projectId, "data")}>load a table</a> first.
        </p>
      </Show>
      <Show when={state.profile && state.sample ? { profile: state.profile, sample: state.sample } : null}>
        {(data) => (
          <>
            <ExploreTabs view={view()} alerts={data().profile.alerts.length} onChange={setView} />
            <div
              class="tab-panel"
              id="explore-panel"
              role="tabpanel"
              aria-labelledby={`explore-tab-${view()}`}
            >
              <Switch>
                <Match when={view() === "overview"}>
                  <OverviewView profile={data().profile} sample={data().sample} />
                </Match>
                <Match when={view() === "alerts"}>
                  <AlertsView alerts={data().profile.alerts} />
                </Match>
                <Match when={view() === "columns"}>
                  <ColumnsView profile={data().profile} sample={data().sample} />
                </Match>
                <Match when={view() === "relationships"}>
                  <RelationshipsView
                    profile={data().profile}
                    sample={data().sample}
                    target={state.target}
                    frameHref={frameHref()}
                  />
                </Match>
                <Match when={view() === "multivariate"}>
                  <MultivariateView profile={data().profile} sample={data().sample} target={state.target} />
                </Match>
              </Switch>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
