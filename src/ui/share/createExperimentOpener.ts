import { createSignal } from "solid-js";
import { fromBase64url } from "../../core/share/base64url.ts";
import type { SharedExperiment } from "../../core/share/experiment.ts";
import { readExperimentFile, readLinkPayload } from "../../core/share/experimentCodec.ts";
import { useApp } from "../app/AppContext.tsx";
import { dataClient } from "../bridges/dataClient.ts";
import { projectHref } from "../router/route.ts";
import { errorMessage } from "../shared/errorMessage.ts";
import { openExperiment, SHARE_IDS } from "./openExperiment.ts";

/** The bytes inside a link payload (`1.<n>.<base64url>`), for the repeat check; read already. */
const packedOfPayload = (payload: string) => fromBase64url(payload.slice(payload.lastIndexOf(".") + 1));

/**
 * Opens shared experiments, from a link's payload or a `.automl` file: reads and checks it, rebuilds
 * the project and goes there, replacing the link's address in the history so the payload is not kept.
 */
export function createExperimentOpener() {
  const { projects } = useApp();
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  async function open(read: () => Promise<SharedExperiment>, packed: () => Uint8Array) {
    setError(null);
    setBusy("Reading the experiment…");
    try {
      const experiment = await read();
      setBusy(`Rebuilding "${experiment.name}": loading ${experiment.data.rows} rows…`);
      const opened = await openExperiment(experiment, packed(), { client: dataClient });
      await projects[1].touch(opened.projectId);
      location.replace(projectHref(opened.projectId, opened.phase));
    } catch (err) {
      setError(`This experiment cannot be opened. ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  }

  return {
    busy,
    error,
    dismiss: () => setError(null),
    openLink: (payload: string) =>
      open(
        () => readLinkPayload(payload, SHARE_IDS),
        () => packedOfPayload(payload),
      ),
    openFile: async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      return open(
        () => readExperimentFile(bytes, SHARE_IDS),
        // The bytes after the header line: the same as a link's, so a file and a link of one experiment match.
        () => bytes.subarray(bytes.indexOf(10) + 1),
      );
    },
  };
}

export type ExperimentOpener = ReturnType<typeof createExperimentOpener>;
