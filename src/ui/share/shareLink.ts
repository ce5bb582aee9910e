import type { SharedExperiment } from "../../core/share/experiment.ts";
import { experimentFile, linkPayload, packExperiment } from "../../core/share/experimentCodec.ts";
import { openHref } from "../router/route.ts";

/**
 * The longest link the dialog offers, in characters: a few hundred KB, which browsers open
 * (Chromium takes up to 2 MB) and chat and mail still carry. Longer: the `.automl` file.
 */
export const MAX_LINK_CHARS = 400_000;

/** An experiment packed once, as a link (when short enough) and as a file. */
export interface PackedShare {
  /** The full address to open, or null when it would be longer than MAX_LINK_CHARS. */
  link: string | null;
  linkChars: number;
  file: Blob;
  fileBytes: number;
  /** The CSV's size before packing, for "120 KB of data in 18 KB". */
  csvBytes: number;
}

/** Packs `experiment` for this app's address (origin and path; the query is the sender's own). */
export async function packShare(
  experiment: SharedExperiment,
  base = location.origin + location.pathname,
  maxChars = MAX_LINK_CHARS,
): Promise<PackedShare> {
  const packed = await packExperiment(experiment);
  const link = base + openHref(linkPayload(packed));
  const file = experimentFile(packed);
  return {
    link: link.length <= maxChars ? link : null,
    linkChars: link.length,
    file: new Blob([file as BlobPart], { type: "application/octet-stream" }),
    fileBytes: file.length,
    csvBytes: new TextEncoder().encode(experiment.data.csv).length,
  };
}

/** "840 B", "12.3 KB", "1.20 MB" (decimal units, as file managers show). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
