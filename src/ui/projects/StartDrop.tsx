import { createSignal } from "solid-js";
import { useApp } from "../app/AppContext.tsx";
import { navigate } from "../router/createHashRoute.ts";
import { projectHref } from "../router/route.ts";
import type { ExperimentOpener } from "../share/createExperimentOpener.ts";
import { FileDrop } from "../shared/FileDrop.tsx";

/** A project's name from its file's: "penguins.csv" is "penguins". */
export function nameOfFile(fileName: string): string {
  return fileName.replace(/\.(csv|tsv|txt|automl)$/i, "").trim() || fileName;
}

/**
 * The first screen's drop target: a CSV becomes a project named after the file, loading in the
 * Data phase at once (no "create a project" step); a `.automl` file opens a shared experiment.
 */
export function StartDrop(props: { opener: ExperimentOpener }) {
  const { projects, datasets } = useApp();
  const [busy, setBusy] = createSignal(false);

  const start = async (file: File) => {
    if (/\.automl$/i.test(file.name)) return void props.opener.openFile(file);
    setBusy(true);
    const project = await projects[1].create(nameOfFile(file.name));
    setBusy(false);
    if (!project) return;
    // The load starts first, so the Data phase opens onto its progress (as a sample does).
    void datasets[1].ingest(project.id, { type: "file", file, name: file.name });
    navigate(projectHref(project.id, "data"));
  };

  return (
    <FileDrop
      lead="Drop a CSV here to start a project"
      hint="It opens as a new project named after the file, with the table loaded. A .automl experiment from a teacher opens the same way. Nothing leaves this device."
      label="Start a project from a file"
      accept=".csv,.tsv,.txt,.automl,text/csv,text/plain"
      testId="start-drop"
      disabled={busy() || props.opener.busy() !== null}
      onFile={(file) => void start(file)}
    />
  );
}
