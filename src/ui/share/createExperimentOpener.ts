import { createSignal } from "solid-js";
import type { ShareSource } from "../../../workers/shareApi.ts";
import type { Progress } from "../../core/progress.ts";
import { useApp } from "../app/AppContext.tsx";
import type { PhaseId } from "../project/phases.ts";
import { homeHref, projectHref } from "../router/route.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { shareClient } from "./shareClient.ts";

/** "Reading the table: 40%" from a share worker's report. */
function busyText(p: Progress): string {
  const what = p.message ?? "Opening the experiment";
  return p.total > 0 && p.done > 0 && p.done < p.total
    ? `${what}: ${Math.round((100 * p.done) / p.total)}%`
    : `${what}…`;
}

/**
 * Opens shared experiments, from a link's payload or a `.automl` file. The share worker reads and
 * checks it and rebuilds the project (the page only shows its progress and may cancel); then the
 * page goes there, replacing the link's address in the history so the payload is not kept.
 */
export function createExperimentOpener() {
  const { projects } = useApp();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let opening: AbortController | null = null;

  async function open(source: ShareSource) {
    opening?.abort();
    const controller = new AbortController();
    opening = controller;
    setError(null);
    setBusy("Reading the experiment…");
    try {
      const opened = await shareClient.open(source, {
        signal: controller.signal,
        onProgress: (p) => setBusy(busyText(p)),
      });
      await projects[1].touch(opened.projectId);
      location.replace(projectHref(opened.projectId, opened.phase as PhaseId));
    } catch (err) {
      if (!controller.signal.aborted) setError(`This experiment cannot be opened. ${errorMessage(err)}`);
    } finally {
      if (opening === controller) {
        opening = null;
        setBusy(null);
      }
    }
  }

  return {
    busy,
    error,
    dismiss: () => setError(null),
    /** Stops an open in progress (nothing of it is kept) and leaves the link's address. */
    cancel: () => {
      opening?.abort();
      if (location.hash.startsWith("#/open/")) location.replace(homeHref());
    },
    openLink: (payload: string) => open({ type: "link", payload }),
    openFile: (file: File) => open({ type: "file", file }),
  };
}

export type ExperimentOpener = ReturnType<typeof createExperimentOpener>;
