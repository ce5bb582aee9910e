import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { lazyView } from "../app/lazyView.tsx";
import { homeHref } from "../router/route.ts";
import { ClassroomProvider } from "../share/ClassroomContext.tsx";
import { PhaseIntro } from "../share/PhaseIntro.tsx";
import { ShareDialog } from "../share/ShareDialog.tsx";
import { SharedBanner } from "../share/SharedBanner.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { errorMessage } from "../shared/errorMessage.ts";
import { PhaseNav } from "./PhaseNav.tsx";
import type { PhaseId } from "./phases.ts";

// Each phase's code loads when the phase opens (issue 16 goal 5: no long task at start-up).
const DataPhase = lazyView(() => import("../data/DataPhase.tsx").then((m) => m.DataPhase));
const DeployPhase = lazyView(() => import("../deploy/DeployPhase.tsx").then((m) => m.DeployPhase));
const ExplorePhase = lazyView(() => import("../explore/ExplorePhase.tsx").then((m) => m.ExplorePhase));
const FeaturesPhase = lazyView(() => import("../features/FeaturesPhase.tsx").then((m) => m.FeaturesPhase));
const FramePhase = lazyView(() => import("../frame/FramePhase.tsx").then((m) => m.FramePhase));
const MonitorPhase = lazyView(() => import("../monitor/MonitorPhase.tsx").then((m) => m.MonitorPhase));
const PreparePhase = lazyView(() => import("../prepare/PreparePhase.tsx").then((m) => m.PreparePhase));
const TrainPhase = lazyView(() => import("../train/TrainPhase.tsx").then((m) => m.TrainPhase));

export function ProjectPage(props: { projectId: string; phase: PhaseId }) {
  const { projects } = useApp();
  const [state, actions] = projects;
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [fetched] = createResource(
    () => props.projectId,
    async (id) => {
      setLoadError(null);
      try {
        return await actions.fetch(id);
      } catch (err) {
        setLoadError(errorMessage(err));
        return null;
      }
    },
  );
  // The store's copy first, so a rename elsewhere shows here at once.
  const project = () => state.projects.find((p) => p.id === props.projectId) ?? fetched();

  return (
    <div class="page project">
      <p class="breadcrumb">
        <a href={homeHref()}>← All projects</a>
      </p>
      <Show when={!fetched.loading || project()}>
        <Show
          when={project()}
          fallback={
            <Show
              when={loadError()}
              fallback={
                <p class="empty" data-testid="project-missing">
                  This project does not exist; it may have been deleted.
                </p>
              }
            >
              <ErrorAlert message={loadError()} />
            </Show>
          }
        >
          {(p) => (
            <ClassroomProvider teacher={p().shared?.teacher}>
              <div class="project-head">
                <h1 class="project-name" data-testid="project-name">
                  {p().name}
                </h1>
                <ShareDialog projectId={props.projectId} projectName={p().name} phase={props.phase} />
              </div>
              <Show when={p().shared}>
                <SharedBanner project={p()} phase={props.phase} />
              </Show>
              <PhaseNav projectId={props.projectId} phase={props.phase} />
              <Show when={!p().shared?.teacher?.hidden.includes(props.phase)}>
                <PhaseIntro phase={props.phase} />
              </Show>
              <Switch>
                <Match when={p().shared?.teacher?.hidden.includes(props.phase)}>
                  <p class="empty" data-testid="phase-hidden">
                    The teacher has hidden this phase in this experiment.
                  </p>
                </Match>
                <Match when={props.phase === "frame"}>
                  <FramePhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "data"}>
                  <DataPhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "explore"}>
                  <ExplorePhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "prepare"}>
                  <PreparePhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "features"}>
                  <FeaturesPhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "train"}>
                  <TrainPhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "deploy"}>
                  <DeployPhase projectId={props.projectId} />
                </Match>
                <Match when={props.phase === "monitor"}>
                  <MonitorPhase projectId={props.projectId} />
                </Match>
              </Switch>
            </ClassroomProvider>
          )}
        </Show>
      </Show>
    </div>
  );
}
