import { createMemo, Show } from "solid-js";
import { AppProvider, useApp } from "./app/AppContext.tsx";
import { ProjectPage } from "./project/ProjectPage.tsx";
import { ProjectListPage } from "./projects/ProjectListPage.tsx";
import { UpdatePrompt } from "./pwa/UpdatePrompt.tsx";
import { Header } from "./shell/Header.tsx";

export function App() {
  return (
    <AppProvider>
      <Header />
      <main class="main">
        <Pages />
      </main>
      <UpdatePrompt />
    </AppProvider>
  );
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
