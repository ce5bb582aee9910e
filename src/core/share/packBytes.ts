import type { Progress } from "../progress.ts";
import type { SharedExperiment } from "./experiment.ts";
import { experimentFile, linkPayload, packExperiment } from "./experimentCodec.ts";

/** An experiment packed once: its link payload (when short enough) and its `.automl` file. */
export interface PackedBytes {
  /** What follows `#/open/` in a link, or null when longer than the most asked for. */
  payload: string | null;
  payloadChars: number;
  /** The `.automl` file's bytes. */
  file: Uint8Array;
  /** The CSV's size before packing, for "120 KB of data in 18 KB". */
  csvBytes: number;
}

/**
 * Packs an experiment (JSON, gzip, base64url) in the thread that calls it: the share worker, so a
 * large table never holds up the page. A payload over `maxPayloadChars` is left out (the caller
 * offers the file instead, and a payload of megabytes is not posted back for nothing).
 */
export async function packBytes(
  experiment: SharedExperiment,
  maxPayloadChars: number,
  onProgress?: (p: Progress) => void,
): Promise<PackedBytes> {
  onProgress?.({ phase: "pack", done: 0, total: 1, message: "Compressing" });
  const packed = await packExperiment(experiment);
  const payload = linkPayload(packed);
  const file = experimentFile(packed);
  onProgress?.({ phase: "pack", done: 1, total: 1, message: "Compressing" });
  return {
    payload: payload.length <= maxPayloadChars ? payload : null,
    payloadChars: payload.length,
    file,
    csvBytes: new TextEncoder().encode(experiment.data.csv).length,
  };
}
