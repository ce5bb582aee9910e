import type { SharedExperiment } from "../../core/share/experiment.ts";
import { type PackedBytes, packBytes } from "../../core/share/packBytes.ts";
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

/** The app's address (origin and path; the query is the sender's own). */
export const appBase = () => location.origin + location.pathname;

/** The most payload characters a link under `maxChars` at `base` can hold. */
export const maxPayloadChars = (base: string, maxChars = MAX_LINK_CHARS) =>
  maxChars - (base + openHref("")).length;

/** The share of bytes packed (by the share worker) for the app at `base`. */
export function shareOf(bytes: PackedBytes, base: string): PackedShare {
  const prefix = base + openHref("");
  return {
    link: bytes.payload === null ? null : prefix + bytes.payload,
    linkChars: prefix.length + bytes.payloadChars,
    file: new Blob([bytes.file as BlobPart], { type: "application/octet-stream" }),
    fileBytes: bytes.file.length,
    csvBytes: bytes.csvBytes,
  };
}

/** Packs `experiment` in this thread (tests, the bench); the app packs in the share worker. */
export async function packShare(
  experiment: SharedExperiment,
  base = appBase(),
  maxChars = MAX_LINK_CHARS,
): Promise<PackedShare> {
  return shareOf(await packBytes(experiment, maxPayloadChars(base, maxChars)), base);
}

/** "840 B", "12.3 KB", "1.20 MB" (decimal units, as file managers show). */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} KB`;
  return `${(bytes / 1e6).toFixed(2)} MB`;
}
