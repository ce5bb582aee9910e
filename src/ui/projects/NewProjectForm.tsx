import { createSignal } from "solid-js";
import { useApp } from "../app/AppContext.tsx";

export const DEFAULT_PROJECT_NAME = "Untitled project";

/** Name (optional) and a button; the new project appears at the top of the list. */
export function NewProjectForm() {
  const { projects } = useApp();
  const [, actions] = projects;
  const [name, setName] = createSignal("");
  const [busy, setBusy] = createSignal(false);

  const create = async () => {
    setBusy(true);
    const project = await actions.create(name().trim() || DEFAULT_PROJECT_NAME);
    setBusy(false);
    if (project) setName("");
  };

  return (
    <form
      class="new-project"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label class="field">
        <span>Project name</span>
        <input
          type="text"
          data-testid="new-project-name"
          placeholder={DEFAULT_PROJECT_NAME}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="button-primary" data-testid="new-project" disabled={busy()}>
        New project
      </button>
    </form>
  );
}
