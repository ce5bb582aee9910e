import { For, Show } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { ErrorAlert } from "../shared/ErrorAlert.tsx";
import { ComputeInfo } from "../system/ComputeInfo.tsx";
import { NewProjectForm } from "./NewProjectForm.tsx";
import { ProjectItem } from "./ProjectItem.tsx";
import { SampleGallery } from "./SampleGallery.tsx";

export function ProjectListPage() {
  const { projects, storage } = useApp();
  const [state, actions] = projects;

  const remove = async (id: string) => {
    await actions.remove(id);
    void storage[1].refresh();
  };

  return (
    <div class="page home">
      <section aria-labelledby="projects-heading">
        <h1 id="projects-heading">Projects</h1>
        <ErrorAlert message={state.error} onDismiss={actions.dismissError} />
        <NewProjectForm />
        <Show
          when={state.projects.length > 0}
          fallback={
            <Show when={state.loaded}>
              <p class="empty" data-testid="no-projects">
                No projects yet. Create one, or start from a sample below.
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
