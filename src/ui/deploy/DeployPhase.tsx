import { createEffect, createMemo, For, on, Show } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { predictClient } from "../bridges/predictClient.ts";
import { projectHref } from "../router/route.ts";
import { getDb } from "../shared/appDb.ts";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { FileDrop } from "../shared/FileDrop.tsx";
import { BatchScore } from "./BatchScore.tsx";
import { canRollBack, exportFileName, versionName } from "./deployState.ts";
import { createDeployStore } from "./deployStore.ts";
import { ModelCardView } from "./ModelCardView.tsx";
import { PredictForm } from "./PredictForm.tsx";
import { VersionCompare } from "./VersionCompare.tsx";
import "./deploy.css";

/**
 * Deploy: the project's registered model versions side by side with champion and challenger,
 * model files out and in, and a chosen version at work on one row or a whole CSV, in a worker.
 */
export function DeployPhase(props: { projectId: string }) {
  const [state, actions] = createDeployStore({ client: predictClient, db: getDb });
  const { projects } = useApp();
  createEffect(
    on(
      () => props.projectId,
      (id) => void actions.open(id),
    ),
  );
  const projectName = () => projects[0].projects.find((p) => p.id === props.projectId)?.name ?? "model";
  const selected = createMemo(() => state.versions.find((v) => v.id === state.selected) ?? null);
  const exportVersion = (id: string) => {
    const v = state.versions.find((x) => x.id === id);
    if (v) void actions.exportFile(id, exportFileName(projectName(), v));
  };
  const exportHtml = (id: string) => {
    const v = state.versions.find((x) => x.id === id);
    if (v) void actions.exportHtml(id, exportFileName(projectName(), v, "html"));
  };
  const exportOnnx = (id: string) => {
    const v = state.versions.find((x) => x.id === id);
    if (v) void actions.exportOnnx(id, exportFileName(projectName(), v, "onnx"));
  };

  return (
    <section class="panel deploy-phase" aria-labelledby="deploy-heading">
      <h2 id="deploy-heading">Deploy</h2>
      <p class="hint">
        Keep the models you like as versions, choose the champion, and use a version right here: on one row or
        a whole file, on this device. Export a version as a file to share it; import one sent to you.
      </p>
      <ErrorAlert message={state.error} onDismiss={actions.dismissError} />
      <div class="deploy-toolbar">
        <FileDrop
          compact
          lead="Import a model file: drop it here, or"
          hint="A .json model file exported from this app. It is checked in full before anything is stored."
          accept=".json,application/json"
          testId="import-drop"
          disabled={state.busy !== null}
          onFile={(f) => void actions.importFile(f)}
        />
        <button
          type="button"
          class="button-quiet"
          data-testid="roll-back"
          disabled={!canRollBack(state.registry) || state.busy !== null}
          onClick={() => void actions.rollBack()}
        >
          Roll back the champion
        </button>
      </div>
      <Show when={state.importError}>
        <div class="alert" data-testid="import-error">
          <p role="alert">{state.importError}</p>
          <button type="button" class="link-button" onClick={actions.dismissError}>
            Dismiss
          </button>
        </div>
      </Show>
      <Show when={state.importNotes.length > 0}>
        <ul class="import-notes hint" data-testid="import-notes">
          <For each={state.importNotes}>{(note) => <li>{note}</li>}</For>
        </ul>
      </Show>
      <Show when={state.busy}>
        <p class="status-line" data-testid="deploy-busy">
          {state.busy}…
        </p>
      </Show>
      <Show
        when={state.versions.length > 0}
        fallback={
          <Show when={!state.loading}>
            <p class="empty" data-testid="no-versions">
              No model versions yet. Register a model from a run's leaderboard in{" "}
              <a href={projectHref(props.projectId, "train")}>Train</a>, or import a model file.
            </p>
          </Show>
        }
      >
        <VersionCompare
          versions={state.versions}
          registry={state.registry}
          selected={state.selected}
          busy={state.busy !== null}
          onOpen={actions.select}
          onPromote={(id) => void actions.promote(id)}
          onChallenge={(id) => void actions.challenge(id)}
          onDelete={(id) => void actions.remove(id)}
          onExport={exportVersion}
          onExportHtml={exportHtml}
          onExportOnnx={exportOnnx}
          onNote={(id, note) => void actions.setNote(id, note)}
        />
      </Show>
      <Show when={selected()}>
        {(v) => (
          <div class="deploy-use" data-testid="version-use" data-version={v().number}>
            <ModelCardView card={v().card} title={`${versionName(v())}, ${v().label}`} />
            <PredictForm versionId={v().id} card={v().card} client={predictClient} />
            <BatchScore versionId={v().id} client={predictClient} />
          </div>
        )}
      </Show>
    </section>
  );
}
