/**
 * The model file: what leaves the app and comes back. A pipeline artifact, its model card, and a
 * SHA-256 of both, under a format tag and version. Reading one trusts nothing: tag, version
 * (older ones migrated, newer ones refused by name), checksum, keys that could reach a prototype,
 * depth, the card field by field, the pipeline through `loadPipeline` (every model's own state
 * reader), and then whether the parts agree and the model answers in the promised shape.
 */
import { type LoadedPipeline, loadPipeline } from "../automl/artifact/loadPipeline.ts";
import { PIPELINE_TYPE, type PipelineArtifact } from "../automl/artifact/pipelineArtifact.ts";
import { ValidationError } from "../errors.ts";
import { readReferenceSketches } from "../monitor/readSketches.ts";
import type { ReferenceSketches } from "../monitor/sketch.ts";
import { canonicalJson, checkJsonTree, sha256Hex } from "./canonicalJson.ts";
import { checkPipeline } from "./checkPipeline.ts";
import { checkPipelineEnvelope } from "./checkPipelineEnvelope.ts";
import { type ModelCard, minimalModelCard } from "./modelCard.ts";
import { describeValue, readModelCard } from "./readModelCard.ts";

export { canonicalJson, sha256Hex } from "./canonicalJson.ts";
export { dataFingerprint } from "./dataFingerprint.ts";
export { type ModelCard, type ModelCardArgs, type ModelCardInput, makeModelCard } from "./modelCard.ts";

/** Format tag and current version of model files. */
export const MODEL_FILE_FORMAT = "automl-playground-model";
export const MODEL_FILE_VERSION = 1;

/** A model file as written (JSON.stringify of this object). */
export interface ModelFile {
  format: typeof MODEL_FILE_FORMAT;
  format_version: typeof MODEL_FILE_VERSION;
  card: ModelCard;
  pipeline: PipelineArtifact;
  /**
   * Sketches of the training rows and of the model's predictions on them, for monitoring drift
   * (src/core/monitor). Optional: files made before, and bare pipelines, have none.
   */
  reference?: ReferenceSketches;
  /** Lower-case hex SHA-256 of `canonicalJson({ card, pipeline })` (with `reference` when there is one). */
  sha256: string;
}

/** A model file read and checked, its pipeline ready to predict. */
export interface ReadModelFile {
  file: ModelFile;
  pipeline: LoadedPipeline;
  /**
   * Binary models: the class explanations and reports are about, the run's positive class (the
   * card's `positive_class`; a file without one: its second class, said in `notes`). Else null.
   */
  positive: string | null;
  /** What a person should know about how the file was read (migrated, no card, no positive class). */
  notes: string[];
  /** True when `file` is not the file as given: migrated from an older format, or a bare pipeline given a card. */
  rewritten: boolean;
}

/**
 * One step per older format version: `MODEL_FILE_MIGRATIONS[v - 1]` takes a file of version v to
 * v + 1 (its checksum was over version v's content and is checked before migrating). Empty while
 * version 1 is the only one.
 */
export const MODEL_FILE_MIGRATIONS: ((file: Record<string, unknown>) => Record<string, unknown>)[] = [];

/** The text a checksum is taken over. */
const checksummed = (card: unknown, pipeline: unknown, reference?: unknown) =>
  canonicalJson(reference === undefined ? { card, pipeline } : { card, pipeline, reference });

/** Builds the file of a pipeline and its card; both are copied as plain JSON first. */
export async function makeModelFile(
  pipeline: PipelineArtifact,
  card: ModelCard,
  reference?: ReferenceSketches,
): Promise<ModelFile> {
  // What is hashed must be what is read back: typed arrays and undefined fields as JSON has them.
  const plain = JSON.parse(JSON.stringify({ card, pipeline, reference })) as {
    card: ModelCard;
    pipeline: PipelineArtifact;
    reference?: ReferenceSketches;
  };
  return {
    format: MODEL_FILE_FORMAT,
    format_version: MODEL_FILE_VERSION,
    card: plain.card,
    pipeline: plain.pipeline,
    ...(plain.reference === undefined ? {} : { reference: plain.reference }),
    sha256: await sha256Hex(checksummed(plain.card, plain.pipeline, plain.reference)),
  };
}

/** Parses model file text; a ValidationError (not a SyntaxError) when it is not JSON. */
export function parseModelJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) throw new ValidationError("the file is nested too deeply to read");
    throw new ValidationError("the file is not JSON");
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The file's version checked and migrated to the current one; its checksum checked first. */
async function currentVersion(
  raw: Record<string, unknown>,
  migrations: typeof MODEL_FILE_MIGRATIONS,
  notes: string[],
): Promise<Record<string, unknown>> {
  const version = raw.format_version;
  const current = migrations.length + 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    throw new ValidationError(`the model file's format version is not valid (${describeValue(version)})`);
  if (version > current)
    throw new ValidationError(
      `this model file was made by a newer version of the app (format ${version}; this app reads ${current === 1 ? "1" : `1 to ${current}`})`,
    );
  for (const key of ["card", "pipeline", "sha256"])
    if (!Object.hasOwn(raw, key)) throw new ValidationError(`the model file has no "${key}"`);
  if (typeof raw.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(raw.sha256))
    throw new ValidationError("the model file's checksum is not a SHA-256");
  if ((await sha256Hex(checksummed(raw.card, raw.pipeline, raw.reference))) !== raw.sha256)
    throw new ValidationError("the file was changed after export (checksum mismatch)");
  let file = raw;
  for (let v = version; v < current; v++) file = migrations[v - 1](file);
  if (version < current) notes.push(`Read a model file of format ${version}, migrated to format ${current}.`);
  for (const key of Object.keys(file)) {
    if (!["format", "format_version", "card", "pipeline", "reference", "sha256"].includes(key))
      throw new ValidationError(`the model file has an unexpected field "${key}"`);
  }
  return file;
}

/**
 * The positive class of a binary model file: the card's `positive_class`, the class the run's
 * evaluation treated as positive. A file made before cards carried it (or a bare pipeline) names
 * none; its second class is taken, the class older versions explained. Null for other tasks.
 */
export function positiveClassOf(file: Pick<ModelFile, "card" | "pipeline">): string | null {
  if (file.pipeline.task !== "binary" || !file.pipeline.classes) return null;
  return file.card.positive_class ?? file.pipeline.classes[1] ?? null;
}

/** The note of a binary file that names no positive class (null when it names one). */
function positiveNote(file: ModelFile): string | null {
  if (file.pipeline.task !== "binary" || file.card.positive_class) return null;
  return `The file names no positive class: "${positiveClassOf(file)}", the model's second class, is taken as positive.`;
}

/** Options of `readModelFile`. */
export interface ReadModelFileOptions {
  /** Runs after the pipeline is rebuilt and before its models are probed (e.g. to ready tfjs). */
  beforeProbe?: (pipeline: LoadedPipeline) => Promise<void> | void;
  /** Older-version steps; the app's own list unless a test gives another. */
  migrations?: typeof MODEL_FILE_MIGRATIONS;
}

/**
 * Reads a parsed model file (or a bare pipeline artifact as `train --out` wrote, which gets a
 * minimal card and a note saying so) and checks all of it. Any problem is a ValidationError whose
 * message names the part: `the file was changed after export (checksum mismatch)`,
 * `gbdt: tree 0 node 0: left child 9999 out of range (1..10)`, `model card: metric: unknown metric "x"`.
 */
export async function readModelFile(json: unknown, opts: ReadModelFileOptions = {}): Promise<ReadModelFile> {
  checkJsonTree(json, "the model file");
  if (!isObject(json))
    throw new ValidationError(`a model file is a JSON object, this is ${describeValue(json)}`);
  const notes: string[] = [];
  let file: ModelFile;
  if (json.type === PIPELINE_TYPE && !Object.hasOwn(json, "format")) {
    checkPipelineEnvelope(json);
    const pipeline = json as unknown as PipelineArtifact;
    const loaded = loadPipeline(pipeline);
    file = await makeModelFile(loaded.artifact, minimalModelCard(loaded.artifact));
    notes.push(
      "This is a bare pipeline file without a model card: the card shows only what the pipeline says.",
    );
    await opts.beforeProbe?.(loaded);
    checkPipeline(loaded, file.card);
    const note = positiveNote(file);
    if (note) notes.push(note);
    return { file, pipeline: loaded, positive: positiveClassOf(file), notes, rewritten: true };
  }
  if (json.format !== MODEL_FILE_FORMAT) {
    const tag = json.format ?? json.type;
    throw new ValidationError(
      `this is not an AutoML Playground model file${tag === undefined ? "" : ` (its format is ${describeValue(tag)})`}`,
    );
  }
  const raw = await currentVersion(json, opts.migrations ?? MODEL_FILE_MIGRATIONS, notes);
  const card = readModelCard(raw.card);
  const reference = raw.reference === undefined ? undefined : readReferenceSketches(raw.reference);
  checkPipelineEnvelope(raw.pipeline);
  const loaded = loadPipeline(raw.pipeline);
  file = {
    format: MODEL_FILE_FORMAT,
    format_version: MODEL_FILE_VERSION,
    card,
    pipeline: loaded.artifact,
    ...(reference === undefined ? {} : { reference }),
    // A migrated file's content changed: its checksum is the new content's.
    sha256:
      notes.length > 0
        ? await sha256Hex(checksummed(card, loaded.artifact, reference))
        : (raw.sha256 as string),
  };
  await opts.beforeProbe?.(loaded);
  checkPipeline(loaded, card);
  const rewritten = notes.length > 0;
  const note = positiveNote(file);
  if (note) notes.push(note);
  return { file, pipeline: loaded, positive: positiveClassOf(file), notes, rewritten };
}
