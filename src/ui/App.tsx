import { createEffect, createMemo, on, Show } from "solid-js";
import { AppProvider, useApp } from "./app/AppContext.tsx";
import { focusPageHeading } from "./app/focusHeading.ts";
import { lazyView } from "./app/lazyView.tsx";
import { UpdatePrompt } from "./pwa/UpdatePrompt.tsx";
import { Header } from "./shell/Header.tsx";

// The pages load as chunks of their own (issue 16 goal 5): a project's page (its phases, charts,
// Plot) when a project opens, and the home page just after the shell, so that evaluating the first
// script, rendering the home page and laying it out are three tasks instead of one of ~90 ms.
const ProjectPage = lazyView(() => import("./project/ProjectPage.tsx").then((m) => m.ProjectPage));
// The app's first use of Intl loads ICU's locale data (tens of ms of CPU), and format.ts makes its
// formatters when it is evaluated: it goes first, in a task of its own, then the home page.
const ProjectListPage = lazyView(() =>
  import("./shared/format.ts")
    .then(() => import("./projects/ProjectListPage.tsx"))
    .then((m) => m.ProjectListPage),
);

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
