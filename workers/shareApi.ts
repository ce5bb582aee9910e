import type { Progress } from "../src/core/progress.ts";
import type { SharedExperiment } from "../src/core/share/experiment.ts";
import type { PackedBytes } from "../src/core/share/packBytes.ts";
import type { KnownShareIds } from "../src/core/share/readExperiment.ts";

/** What the page knows of an experiment to pack: everything but the table, and which table. */
export interface PackRequest {
  /** The experiment without its data (read from the project on the page: cheap). */
  shell: Omit<SharedExperiment, "data">;
  datasetId: string;
  datasetName: string;
  /** The longest link payload to return; a longer one is left out. */
  maxPayloadChars: number;
}

/** A shared experiment as it arrives: a link's payload, or a dropped `.automl` file. */
export type ShareSource = { type: "link"; payload: string } | { type: "file"; file: Blob };

/** Where an opened experiment landed. */
export interface OpenedExperiment {
  projectId: string;
  /** The phase the experiment opens on (checked against the known phases). */
  phase: string;
  name: string;
  /** The rebuilt table's SHA-256 equals the experiment's; false is shown as a warning. */
  dataMatches: boolean;
  /** An earlier copy of the same experiment was found and reused. */
  reused: boolean;
}

/**
 * The share worker's API (Comlink): everything that grows with the table, off the page. Packing
 * only reads; cancelling an open terminates the worker, and `onProject` has told the page which
 * project to delete (the worker cannot clean up after itself once terminated).
 */
export interface ShareWorkerApi {
  /** The stored table as exact CSV with its SHA-256, packed with the shell into link and file. */
  pack(request: PackRequest, onProgress: (p: Progress) => void): Promise<PackedBytes>;
  /**
   * Reads and checks a shared experiment, rebuilds it as a new project (or finds the one an
   * earlier open made) and says where it landed. A failure leaves no half-built project.
   */
  open(
    source: ShareSource,
    known: KnownShareIds,
    onProgress: (p: Progress) => void,
    onProject: (projectId: string) => void,
  ): Promise<OpenedExperiment>;
}
