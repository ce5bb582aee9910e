/**
 * A shared experiment: everything another device needs to rebuild a project and train it to the
 * same leaderboard (the table, the framing, the recipe, the split with its seed, the run's own
 * settings), plus what a teacher locked, hid and wrote. Plain JSON; `encodeExperiment` packs it
 * into a link or a `.automl` file and `readExperiment` checks one field by field.
 */
import type { RunSplit } from "../automl/run/runSettings.ts";
import type { TuneBudget } from "../automl/tune/tuning.ts";
import type { ColumnKind } from "../data/frame.ts";
import type { Recipe } from "../prep/step.ts";

/** The tag every experiment carries, so a random JSON file is told apart from one. */
export const EXPERIMENT_FORMAT = "automl-playground-experiment";
/** The newest format this build reads and the one it writes. */
export const EXPERIMENT_VERSION = 1;

/** Settings a teacher can lock: the four that decide a leaderboard. */
export type LockArea = "framing" | "recipe" | "split" | "run";
export const LOCK_AREAS: readonly LockArea[] = ["framing", "recipe", "split", "run"];

/** What a teacher decided for the students who open the experiment. */
export interface TeacherSettings {
  /** Settings the students see but cannot change. */
  locked: LockArea[];
  /** Phase ids left out of the students' navigation. */
  hidden: string[];
  /** Leave out the controls beginners do not need (reading options, added steps, epochs). */
  hideAdvanced: boolean;
  /** A short note per phase id, shown at the top of that phase in place of its question. */
  notes: Record<string, string>;
}

/** The Train form's own choices (the split and seed are the project's, in `split`). */
export interface SharedRunSettings {
  /** Model ids, in ladder order. */
  models: string[];
  /** The neural net's most epochs; null keeps its default. */
  mlpEpochs: number | null;
  ensemble: boolean;
  /** The hyperparameter search's budget (a preset or trials per model); absent: the app's default. */
  tune?: TuneBudget;
}

/** The table, as exact CSV text plus the column kinds it was used with. */
export interface SharedData {
  /** The dataset's name (usually its file name). */
  name: string;
  /** CSV text that reads back to the same values (see `frameToCsv`). */
  csv: string;
  rows: number;
  /** Names and kinds in order; a kind the reader infers differently is set back after reading. */
  columns: { name: string; kind: ColumnKind }[];
  /** SHA-256 (hex) of the table's content (`dataFingerprint`), checked once it is rebuilt. */
  sha256: string;
}

/** The framing as set in Frame, without the dataset id (the rebuilt table has its own). */
export interface SharedFraming {
  target: string | null;
  metric: string | null;
  criterion: string | null;
  positiveClass: string | null;
}

/** One whole experiment. */
export interface SharedExperiment {
  format: typeof EXPERIMENT_FORMAT;
  version: number;
  /** The project's name. */
  name: string;
  /** The phase the project opens on. */
  phase: string;
  data: SharedData;
  framing: SharedFraming | null;
  recipe: Recipe | null;
  /** The project's split with its test share, folds and seed. */
  split: RunSplit | null;
  run: SharedRunSettings | null;
  teacher: TeacherSettings | null;
}

/** Where a project opened from a link or file came from, stored with the project. */
export interface SharedOrigin {
  /** The table's SHA-256 as the experiment gave it (`dataFingerprint`). */
  dataSha256: string;
  /** Whether the rebuilt table's own SHA-256 is that one; null when it could not be checked. */
  dataMatches: boolean | null;
  /** The Train form's choices as shared: the form starts from them until the first run. */
  run: SharedRunSettings | null;
  /** The teacher's locks, hidden phases and notes; null for a plain share or one's own copy. */
  teacher: TeacherSettings | null;
  /** SHA-256 of the packed experiment: opening the same link again lands on the same project. */
  packedSha256: string;
  openedAt: number;
}
