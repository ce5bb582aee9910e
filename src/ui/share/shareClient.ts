import * as Comlink from "comlink";
import type {
  OpenedExperiment,
  PackRequest,
  ShareSource,
  ShareWorkerApi,
} from "../../../workers/shareApi.ts";
import type { Progress } from "../../core/progress.ts";
import type { PackedBytes } from "../../core/share/packBytes.ts";
import { deleteProject } from "../../persist/projects.ts";
import { type Live, makeWorkerLane } from "../bridges/workerLane.ts";
import { PHASES } from "../project/phases.ts";
import { getDb } from "../shared/appDb.ts";

/** The phase ids a shared experiment may name. */
export const SHARE_IDS = { phases: PHASES.map((p) => p.id) };

export interface ShareCall {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

const lane = makeWorkerLane<ShareWorkerApi>(
  () =>
    new Worker(new URL("../../../workers/share.worker.ts", import.meta.url), {
      type: "module",
      name: "share",
    }),
  "Sharing was cancelled.",
);
const progressProxy = (live: Live, call?: ShareCall) => Comlink.proxy(live(call?.onProgress ?? (() => {})));

/**
 * The page's handle on the share worker, which builds and opens experiments (CSV, SHA-256, gzip,
 * reading the table) so a large table never freezes the page. Aborting terminates the worker.
 */
export const shareClient = {
  pack: (request: PackRequest, call?: ShareCall): Promise<PackedBytes> =>
    lane.run(call?.signal, (w, live) => w.pack(request, progressProxy(live, call))),

  /**
   * Opens a link or file. Cancelled, it deletes the project the worker had begun to write (a
   * terminated worker cannot), then rejects with the AbortError.
   */
  async open(source: ShareSource, call?: ShareCall): Promise<OpenedExperiment> {
    let begun: string | null = null;
    const onProject = Comlink.proxy((id: string) => {
      begun = id;
    });
    try {
      return await lane.run(call?.signal, (w, live) =>
        w.open(source, SHARE_IDS, progressProxy(live, call), onProject),
      );
    } catch (err) {
      if (begun !== null && call?.signal?.aborted) await deleteProject(await getDb(), begun).catch(() => {});
      throw err;
    }
  },
};
