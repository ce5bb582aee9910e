import { createEffect, For, on, Show } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { createExperimentOpener } from "../share/createExperimentOpener.ts";
import { OpenSharedStatus } from "../share/OpenSharedStatus.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { ComputeInfo } from "../system/ComputeInfo.tsx";
import { NewProjectForm } from "./NewProjectForm.tsx";
import { ProjectItem } from "./ProjectItem.tsx";
import { SampleGallery } from "./SampleGallery.tsx";
import { StartDrop } from "./StartDrop.tsx";

export function ProjectListPage() {
  const { projects, storage, route } = useApp();
  const [state, actions] = projects;
  const opener = createExperimentOpener();
  // A shared link lands here (`#/open/...`): it is read and rebuilt on this device, never sent.
  createEffect(
    on(
      () => {
        const r = route();
        return r.page === "open" ? r.payload : null;
      },
      (payload) => payload !== null && void opener.openLink(payload),
    ),
  );

  const remove = async (id: string) => {
    await actions.remove(id);
    void storage[1].refresh();
  };

  return (
    <div class="page home">
      <section aria-labelledby="projects-heading">
        <h1 id="projects-heading">Projects</h1>
        <ErrorAlert message={state.error} onDismiss={actions.dismissError} />
        <OpenSharedStatus opener={opener} />
        <StartDrop opener={opener} />
        <NewProjectForm />
        <Show
          when={state.projects.length > 0}
          fallback={
            <Show when={state.loaded}>
              <p class="empty" data-testid="no-projects">
                No projects yet. Drop a CSV above, or start from a sample below.
              </p>
            </Show>
          }
        >
          <ul class="project-list">
            <For each={state.projects}>
              {(project) => (
                <ProjectItem
                  project={project}
                  summary={state.summaries[project.id]}
                  onRename={(name) => void actions.rename(project.id, name)}
                  onDelete={() => void remove(project.id)}
                />
              )}
            </For>
          </ul>
        </Show>
      </section>
      <SampleGallery />
      <ComputeInfo />
    </div>
  );
}
