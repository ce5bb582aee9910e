/**
 * The packed forms of an experiment. Both carry the format version and the packed length in
 * plain text before the gzip bytes, so a newer or cut-short experiment is named as such before
 * anything is unpacked:
 * - link payload (what follows `#/open/` in the app's address): `1.<bytes>.<base64url>`
 * - `.automl` file: the line `automl-experiment 1 <bytes>` then the gzip bytes.
 * Inside is the experiment as JSON; gzip's CRC-32 catches a changed byte.
 */

import { fromBase64url, toBase64url } from "./base64url.ts";
import { gunzip, gzip } from "./compress.ts";
import { EXPERIMENT_VERSION, type SharedExperiment } from "./experiment.ts";
import { type KnownShareIds, readExperiment, tooNew } from "./readExperiment.ts";
import { ShareError } from "./shareError.ts";

/** The most an experiment may unpack to: a table's CSV well under V8's longest string. */
export const MAX_UNPACKED_BYTES = 256 * 2 ** 20;
const FILE_MAGIC = "automl-experiment";
const HEADER = /^automl-experiment (\d{1,6}) (\d{1,12})\n/;
const LINK = /^(\d{1,6})\.(\d{1,12})\.(.*)$/s;

/** The experiment as gzip bytes of its JSON. */
export function packExperiment(experiment: SharedExperiment): Promise<Uint8Array> {
  return gzip(new TextEncoder().encode(JSON.stringify(experiment)));
}

/** The link payload of packed bytes. */
export function linkPayload(packed: Uint8Array): string {
  return `${EXPERIMENT_VERSION}.${packed.length}.${toBase64url(packed)}`;
}

/** The `.automl` file of packed bytes. */
export function experimentFile(packed: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`${FILE_MAGIC} ${EXPERIMENT_VERSION} ${packed.length}\n`);
  const out = new Uint8Array(head.length + packed.length);
  out.set(head, 0);
  out.set(packed, head.length);
  return out;
}

function checkVersion(text: string): void {
  const version = Number(text);
  if (version > EXPERIMENT_VERSION) throw tooNew(version);
  if (version < 1)
    throw new ShareError(
      "damaged",
      `The experiment says it has format ${text}, which no version of the app wrote.`,
    );
}

function checkLength(got: number, expected: number, what: string): void {
  if (got < expected)
    throw new ShareError(
      "truncated",
      `The ${what} is cut short: it has ${got} of its ${expected} bytes. Copy the whole ${what} again.`,
    );
  if (got > expected)
    throw new ShareError("damaged", `The ${what} has ${got - expected} bytes more than it says it has.`);
}

async function unpack(packed: Uint8Array, known: KnownShareIds, maxBytes: number): Promise<SharedExperiment> {
  const bytes = await gunzip(packed, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw new ShareError(
      "damaged",
      `The experiment's content is not readable JSON (${(err as Error).message}).`,
    );
  }
  return readExperiment(json, known);
}

/** The experiment of a link payload; ShareError of the right kind otherwise. `maxBytes`: the most it may unpack to. */
export async function readLinkPayload(
  payload: string,
  known: KnownShareIds,
  maxBytes = MAX_UNPACKED_BYTES,
): Promise<SharedExperiment> {
  const m = LINK.exec(payload);
  if (!m) {
    const what =
      payload === ""
        ? "The link holds no experiment."
        : "This link does not hold an AutoML Playground experiment.";
    throw new ShareError(payload === "" ? "truncated" : "not-experiment", what);
  }
  checkVersion(m[1]);
  const packed = fromBase64url(m[3]);
  checkLength(packed.length, Number(m[2]), "link");
  return unpack(packed, known, maxBytes);
}

/** The experiment of a `.automl` file's bytes; ShareError of the right kind otherwise. */
export async function readExperimentFile(
  bytes: Uint8Array,
  known: KnownShareIds,
  maxBytes = MAX_UNPACKED_BYTES,
): Promise<SharedExperiment> {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  const m = HEADER.exec(head);
  if (!m) {
    const what = head.startsWith(FILE_MAGIC)
      ? "The file's first line is damaged."
      : "This file is not an AutoML Playground experiment (.automl).";
    throw new ShareError(head.startsWith(FILE_MAGIC) ? "damaged" : "not-experiment", what);
  }
  checkVersion(m[1]);
  const packed = bytes.subarray(new TextEncoder().encode(m[0]).length);
  checkLength(packed.length, Number(m[2]), "file");
  return unpack(packed, known, maxBytes);
}
