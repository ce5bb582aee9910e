/**
 * The Frame phase's decisions as pure functions of its state: each takes the state (and what
 * happened) and returns the next one. No Solid, no storage, no worker here: `frameStore.ts` holds
 * the state, calls the data worker and storage, and applies these.
 */
import type { MetricId } from "../../core/framing/metrics.ts";
import type { TargetFraming } from "../../core/profile/profileFrame.ts";
import type { Progress } from "../../core/progress.ts";
import type { DatasetMeta, ProjectFraming } from "../../persist/types.ts";
import { errorMessage, isAbortError } from "../shared/errorMessage.ts";
import { checkCriterionText } from "./criterionCheck.ts";

export interface FrameState {
  projectId: string | null;
  /** Newest first. */
  datasets: DatasetMeta[];
  datasetId: string | null;
  /** Column to predict; null = exploration only. */
  target: string | null;
  /** Task, metric proposal, reasons and feasibility of `target`, once profiled. */
  framing: TargetFraming | null;
  loading: boolean;
  /** A profile in flight, with its last progress report. */
  profiling: { progress: Progress | null } | null;
  cancelled: boolean;
  /** Why the target cannot be used, or why loading failed. */
  error: string | null;
  metric: MetricId | null;
  /** Binary targets: the class treated as positive; null until a binary target is profiled. */
  positiveClass: string | null;
  /** The success criterion as typed. */
  criterion: string;
  /** A failed save, in plain words. */
  saveError: string | null;
}

/** The state with the criterion last written, kept while the one typed does not parse. Views see FrameState. */
export interface FrameModel extends FrameState {
  savedCriterion: string | null;
}

/** What opening a project read from storage, the target already checked against the table. */
export interface FrameOpenContext {
  datasets: DatasetMeta[];
  datasetId: string | null;
  target: string | null;
  framing: ProjectFraming | null;
}

export function makeFrameState(): FrameModel {
  return {
    projectId: null,
    datasets: [],
    datasetId: null,
    target: null,
    framing: null,
    loading: false,
    profiling: null,
    cancelled: false,
    error: null,
    metric: null,
    positiveClass: null,
    criterion: "",
    saveError: null,
    savedCriterion: null,
  };
}

export function selectedFrameDataset(state: FrameState): DatasetMeta | undefined {
  return state.datasets.find((d) => d.id === state.datasetId);
}

/** No framing shown and nothing under way. */
function cleared(state: FrameModel): FrameModel {
  return { ...state, framing: null, error: null, cancelled: false, profiling: null };
}

// Opening a project.

export function openStarted(state: FrameModel, projectId: string): FrameModel {
  return { ...cleared(state), projectId, loading: true };
}

/** Takes in what storage holds; dropped when another project was opened meanwhile. */
export function contextRead(state: FrameModel, projectId: string, ctx: FrameOpenContext): FrameModel {
  if (state.projectId !== projectId) return state;
  const criterion = ctx.framing?.criterion ?? null;
  return {
    ...state,
    datasets: ctx.datasets,
    datasetId: ctx.datasetId,
    target: ctx.target,
    metric: (ctx.framing?.metric as MetricId | null) ?? null,
    positiveClass: ctx.framing?.positiveClass ?? null,
    criterion: criterion ?? "",
    savedCriterion: criterion,
    loading: false,
  };
}

export function openFailed(state: FrameModel, projectId: string, err: unknown): FrameModel {
  return state.projectId === projectId ? { ...state, loading: false, error: errorMessage(err) } : state;
}

// Choices.

/** Another table: the target is kept when the table has that column. Null: no such table. */
export function datasetSelected(state: FrameModel, datasetId: string): FrameModel | null {
  const dataset = state.datasets.find((d) => d.id === datasetId);
  if (!dataset) return null;
  const target = dataset.columns.some((c) => c.name === state.target) ? state.target : null;
  const next = { ...state, datasetId, target };
  return target === null ? { ...next, framing: null, error: null } : next;
}

/** Another target: the metric is chosen again for it; no target (exploration) clears the framing. */
export function targetSelected(state: FrameModel, target: string | null): FrameModel {
  const next = { ...state, target, metric: null, positiveClass: null };
  return target === null ? cleared(next) : next;
}

/** Another positive class, when it is one of the binary target's two classes. */
export function positiveSelected(state: FrameModel, positiveClass: string): FrameModel {
  const classes = state.framing?.task === "binary" ? (state.framing.detection.classes ?? []) : [];
  return classes.includes(positiveClass) ? { ...state, positiveClass } : state;
}

export function metricSelected(state: FrameModel, metric: MetricId): FrameModel {
  return { ...state, metric };
}

export function criterionTyped(state: FrameModel, criterion: string): FrameModel {
  return { ...state, criterion };
}

// Profiling the target.

/** The table and target to profile, or null when there is no target. */
export function profileRequest(state: FrameState): { datasetId: string; target: string } | null {
  return state.target !== null && state.datasetId !== null
    ? { datasetId: state.datasetId, target: state.target }
    : null;
}

/** A profile begins (or, without a target, the last one's framing goes away). */
export function profileStarted(state: FrameModel): FrameModel {
  const next = cleared(state);
  return profileRequest(state) ? { ...next, profiling: { progress: null } } : next;
}

export function profileProgressed(state: FrameModel, progress: Progress): FrameModel {
  return { ...state, profiling: { progress } };
}

/**
 * The profile's framing arrived. `keepMetric` keeps a metric restored from storage when it suits
 * the task; otherwise the proposed one is taken. A profile without a framing is a failure.
 */
export function profiled(state: FrameModel, framing: TargetFraming | null, keepMetric: boolean): FrameModel {
  if (!framing) return profileFailed(state, new Error("The profile came back without a framing."));
  const keep = keepMetric && framing.metrics.some((m) => m.id === state.metric);
  // A restored positive class stays while it is still one of the two classes; else the proposal.
  const classes = framing.task === "binary" ? (framing.detection.classes ?? []) : [];
  const positiveClass =
    framing.task !== "binary"
      ? null
      : keepMetric && state.positiveClass !== null && classes.includes(state.positiveClass)
        ? state.positiveClass
        : (framing.detection.positiveClass ?? null);
  return { ...state, framing, metric: keep ? state.metric : framing.metric, positiveClass, profiling: null };
}

/** A cancel is marked as such (the view offers a retry); any other failure says why. */
export function profileFailed(state: FrameModel, err: unknown): FrameModel {
  const cancelled = isAbortError(err);
  return { ...state, profiling: null, cancelled, error: cancelled ? null : errorMessage(err) };
}

// Saving.

/** What to write to the project. */
export interface FramingWrite {
  projectId: string;
  framing: ProjectFraming;
}

/**
 * The framing to write, or none: a target is written only once it proved learnable (profiled);
 * the criterion only when it parses, else the one last written stays; without a target there is
 * no metric or criterion. The state comes back with the criterion it will have written.
 */
export function framingToSave(state: FrameModel): { state: FrameModel; write: FramingWrite | null } {
  const { projectId, datasetId, target } = state;
  if (!projectId || !datasetId) return { state, write: null };
  if (target !== null && state.framing?.target !== target) return { state, write: null };
  const check = checkCriterionText(state.criterion, state.framing?.task ?? null);
  const savedCriterion =
    check.status === "ok" ? state.criterion.trim() : check.status === "empty" ? null : state.savedCriterion;
  const framing: ProjectFraming = {
    datasetId,
    target,
    metric: target === null ? null : state.metric,
    criterion: target === null ? null : savedCriterion,
    positiveClass: target === null ? null : state.positiveClass,
  };
  return { state: { ...state, savedCriterion }, write: { projectId, framing } };
}

export function saveSucceeded(state: FrameModel): FrameModel {
  return { ...state, saveError: null };
}

export function saveFailed(state: FrameModel, err: unknown): FrameModel {
  return { ...state, saveError: `The framing could not be saved: ${errorMessage(err)}` };
}
