import { createEffect, createMemo, on, Show } from "solid-js";
import { AppProvider, useApp } from "./app/AppContext.tsx";
import { focusPageHeading } from "./app/focusHeading.ts";
import { ProjectPage } from "./project/ProjectPage.tsx";
import { ProjectListPage } from "./projects/ProjectListPage.tsx";
import { UpdatePrompt } from "./pwa/UpdatePrompt.tsx";
import { Header } from "./shell/Header.tsx";

export function App() {
  let main!: HTMLElement;
  return (
    <AppProvider>
      {/* The hash holds the route, so this moves focus itself instead of linking to #main. */}
      <button type="button" class="skip-link" onClick={() => main.focus()}>
        Skip to main content
      </button>
      <Header />
      <main class="main" id="main" tabindex="-1" ref={main}>
        <Pages />
        <FocusOnNavigation main={() => main} />
      </main>
      <UpdatePrompt />
    </AppProvider>
  );
}

/** Moves focus to the new page's heading on every navigation after the first page. */
function FocusOnNavigation(props: { main: () => HTMLElement }) {
  const { route } = useApp();
  const key = () => {
    const r = route();
    return r.page === "project" ? `${r.projectId}/${r.phase}` : r.page;
  };
  createEffect(on(key, () => requestAnimationFrame(() => focusPageHeading(props.main())), { defer: true }));
  return null;
}

function Pages() {
  const { route } = useApp();
  const project = createMemo(() => {
    const r = route();
    return r.page === "project" ? r : undefined;
  });
  return (
    <Show when={project()} fallback={<ProjectListPage />}>
      {(r) => <ProjectPage projectId={r().projectId} phase={r().phase} />}
    </Show>
  );
}
