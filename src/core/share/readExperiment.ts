/**
 * Checks an experiment that came from outside (a link, a file) one field at a time and returns it
 * typed; every failure is a ShareError that names the field and says what was expected.
 */
import { RUN_LIMITS, validateRunSplit } from "../automl/run/runSettings.ts";
import { TUNE_PRESETS, type TuneBudget } from "../automl/tune/tuning.ts";
import { COLUMN_KINDS, type ColumnKind } from "../data/frame.ts";
import { recipeProblems } from "../pipeline/validateRecipe.ts";
import type { Recipe } from "../prep/step.ts";
import {
  EXPERIMENT_FORMAT,
  EXPERIMENT_VERSION,
  LOCK_AREAS,
  type LockArea,
  type SharedData,
  type SharedExperiment,
  type SharedFraming,
  type SharedRunSettings,
  type TeacherSettings,
} from "./experiment.ts";
import { ShareError } from "./shareError.ts";

/** Ids this build knows, to refuse an experiment that names a phase or model it lacks. */
export interface KnownShareIds {
  phases: readonly string[];
  models?: readonly string[];
}

type Obj = Record<string, unknown>;

const shown = (v: unknown): string => {
  if (v === undefined) return "nothing";
  const s =
    typeof v === "string"
      ? JSON.stringify(v)
      : Array.isArray(v)
        ? "a list"
        : typeof v === "object"
          ? v === null
            ? "null"
            : "an object"
          : String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
};

function bad(path: string, expected: string, got: unknown): never {
  throw new ShareError("invalid", `${path}: expected ${expected}, got ${shown(got)}.`);
}

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function obj(v: unknown, path: string): Obj {
  return isObj(v) ? v : bad(path, "an object", v);
}
function str(v: unknown, path: string, maxLength = 10_000): string {
  if (typeof v !== "string") bad(path, "text", v);
  if (v.length > maxLength) bad(path, `at most ${maxLength} characters`, `${v.length} characters`);
  return v;
}
function strOrNull(v: unknown, path: string): string | null {
  return v === null ? null : str(v, path);
}
function whole(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
    bad(path, `a whole number from ${min} to ${max}`, v);
  return v;
}
function bool(v: unknown, path: string): boolean {
  return typeof v === "boolean" ? v : bad(path, "true or false", v);
}
function list(v: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(v)) bad(path, "a list", v);
  if (v.length > max) bad(path, `at most ${max} entries`, `${v.length} entries`);
  return v;
}
function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  return options.includes(v as T) ? (v as T) : bad(path, `one of ${options.join(", ")}`, v);
}

function readData(v: unknown): SharedData {
  const d = obj(v, "data");
  const name = str(d.name, "data.name", 500);
  const csv = str(d.csv, "data.csv", Number.POSITIVE_INFINITY);
  const rows = whole(d.rows, "data.rows", 1, 2 ** 31 - 1);
  const columns = list(d.columns, "data.columns", 100_000).map((c, i) => {
    const col = obj(c, `data.columns[${i}]`);
    return {
      name: str(col.name, `data.columns[${i}].name`, 10_000),
      kind: oneOf<ColumnKind>(col.kind, `data.columns[${i}].kind`, COLUMN_KINDS),
    };
  });
  if (columns.length === 0) bad("data.columns", "at least one column", columns);
  const sha256 = str(d.sha256, "data.sha256", 64);
  if (!/^[0-9a-f]{64}$/.test(sha256)) bad("data.sha256", "64 hexadecimal digits (a SHA-256)", sha256);
  return { name, csv, rows, columns, sha256 };
}

function readFraming(v: unknown): SharedFraming | null {
  if (v === null) return null;
  const f = obj(v, "framing");
  return {
    target: strOrNull(f.target, "framing.target"),
    metric: strOrNull(f.metric, "framing.metric"),
    criterion: strOrNull(f.criterion, "framing.criterion"),
    positiveClass: strOrNull(f.positiveClass, "framing.positiveClass"),
  };
}

function readRecipe(v: unknown): Recipe | null {
  if (v === null) return null;
  const problems = recipeProblems(v);
  if (problems.length > 0) throw new ShareError("invalid", `recipe: ${problems[0]}.`);
  return v as Recipe;
}

function readSplit(v: unknown): SharedExperiment["split"] {
  if (v === null) return null;
  try {
    return validateRunSplit(v);
  } catch (err) {
    throw new ShareError("invalid", `split: ${(err as Error).message}`);
  }
}

function readRun(v: unknown, known: KnownShareIds): SharedRunSettings | null {
  if (v === null) return null;
  const r = obj(v, "run");
  const models = list(r.models, "run.models", 100).map((m, i) => {
    const id = str(m, `run.models[${i}]`, 100);
    if (known.models && !known.models.includes(id))
      bad(`run.models[${i}]`, `a model of this app (${known.models.join(", ")})`, id);
    return id;
  });
  if (models.length === 0) bad("run.models", "at least one model", models);
  const mlpEpochs = r.mlpEpochs === null ? null : whole(r.mlpEpochs, "run.mlpEpochs", 1, 100_000);
  const run: SharedRunSettings = { models, mlpEpochs, ensemble: bool(r.ensemble, "run.ensemble") };
  if (r.tune !== undefined) run.tune = readTune(r.tune);
  return run;
}

function readTune(v: unknown): TuneBudget {
  if (typeof v === "string")
    return oneOf(v, "run.tune", Object.keys(TUNE_PRESETS) as (keyof typeof TUNE_PRESETS)[]);
  return whole(v, "run.tune", RUN_LIMITS.tune.min, RUN_LIMITS.tune.max);
}

function readTeacher(v: unknown, known: KnownShareIds): TeacherSettings | null {
  if (v === null) return null;
  const t = obj(v, "teacher");
  const locked = list(t.locked, "teacher.locked", LOCK_AREAS.length).map((a, i) =>
    oneOf<LockArea>(a, `teacher.locked[${i}]`, LOCK_AREAS),
  );
  const hidden = list(t.hidden, "teacher.hidden", known.phases.length).map((p, i) =>
    oneOf(p, `teacher.hidden[${i}]`, known.phases),
  );
  const notesObj = obj(t.notes, "teacher.notes");
  const notes: Record<string, string> = {};
  for (const [phase, note] of Object.entries(notesObj)) {
    oneOf(phase, "teacher.notes (a key)", known.phases);
    notes[phase] = str(note, `teacher.notes.${phase}`, 2000);
  }
  return { locked, hidden, hideAdvanced: bool(t.hideAdvanced, "teacher.hideAdvanced"), notes };
}

/**
 * The format tag and version first (so a newer experiment is named as such, not as invalid), then
 * every field. `json` is anything `JSON.parse` returned.
 */
export function readExperiment(json: unknown, known: KnownShareIds): SharedExperiment {
  if (!isObj(json) || json.format !== EXPERIMENT_FORMAT)
    throw new ShareError(
      "not-experiment",
      "This is not an AutoML Playground experiment (it has no experiment tag).",
    );
  const version = json.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    bad("version", "a whole number, 1 or more", version);
  if (version > EXPERIMENT_VERSION) throw tooNew(version);
  const phase = oneOf(json.phase, "phase", known.phases);
  const experiment: SharedExperiment = {
    format: EXPERIMENT_FORMAT,
    version,
    name: str(json.name, "name", 500),
    phase,
    data: readData(json.data),
    framing: readFraming(json.framing),
    recipe: readRecipe(json.recipe),
    split: readSplit(json.split),
    run: readRun(json.run, known),
    teacher: readTeacher(json.teacher, known),
  };
  if (experiment.teacher?.hidden.includes(phase)) bad("phase", "a phase the teacher did not hide", phase);
  return experiment;
}

/** The message for an experiment made by a newer version of the app. */
export function tooNew(version: number): ShareError {
  return new ShareError(
    "too-new",
    `This experiment was made by a newer version of AutoML Playground (format ${version}; this version reads up to ${EXPERIMENT_VERSION}). Update the app (reload it while online) and open it again.`,
  );
}
