import type { Column, ColumnKind, Frame } from "../data/frame.ts";
import type { Task } from "../framing/task.ts";
import type { Rng } from "../random.ts";
import type { Shape } from "./stateShape.ts";

/**
 * Recipe steps: fitted transforms after scikit-learn's fit / transform split. A step learns its
 * state from training rows only (`fit` / `fitTransform`) and then applies that state unchanged to
 * validation folds, the test part and new data (`transform`), so nothing leaks from held-out rows.
 */

export type StepCategory = "cleaning" | "encoding" | "scaling" | "imbalance" | "features" | "selection";

/** One entry of a recipe, as saved, exported and edited: plain JSON. */
export interface StepConfig {
  /** Unique within its recipe and stable across edits (the UI keys on it). */
  id: string;
  /** Registry key of the step, e.g. "impute", "one_hot". */
  type: string;
  enabled: boolean;
  /** Columns it applies to, or "auto" for the step's own rule (e.g. every numeric feature). */
  columns: string[] | "auto";
  params: Record<string, unknown>;
  /** Why the app proposed it, in one sentence ("3 numeric columns have missing values"). */
  reason?: string;
}

/** An ordered list of steps; the front of every trained model's pipeline. */
export interface Recipe {
  version: 1;
  target: string | null;
  steps: StepConfig[];
}

export interface FitContext {
  /** The target over the same rows as the frame being fitted; absent for exploration. */
  target?: Column;
  task?: Task;
  /** Seeded generator; a step forks it for its own use. */
  rng: Rng;
  signal?: AbortSignal;
}

/** What fitting a step on training rows gives: its state and the transformed training rows. */
export interface FitResult<S> {
  state: S;
  frame: Frame;
  /** The target, when the step changed the rows (resampling, dropping duplicates or outliers). */
  target?: Column;
}

/**
 * The shape of one param, for validation of imported recipes and for the UI's config form.
 * `nullable` admits null (meaning "off" or "not set"); numbers may be bounded and whole.
 */
export type ParamSpec =
  | { type: "number"; min?: number; max?: number; integer?: boolean; nullable?: boolean; doc?: string }
  | { type: "enum"; values: readonly (string | number)[]; doc?: string }
  | { type: "boolean"; doc?: string }
  | { type: "string"; nullable?: boolean; doc?: string }
  | { type: "strings"; doc?: string }
  | { type: "record"; doc?: string };

/**
 * The catalogue part of a step: what the UI may import (label, params spec, sentence, checks)
 * without the fitting code. Each step keeps it in `<step>Info.ts` beside its implementation.
 */
export interface StepInfo {
  type: string;
  label: string;
  category: StepCategory;
  /** Default params for a new step of this type. */
  defaults: Record<string, unknown>;
  /** Every param the step reads, with its shape; params not listed here are rejected on import. */
  params?: Record<string, ParamSpec>;
  /** Column kinds the step works on: what "auto" picks among feature columns and what a column picker offers. */
  accepts?: readonly ColumnKind[];
  /** One sentence on what the configured step does. */
  describe(config: StepConfig): string;
  /** Rejects bad params with a ValidationError naming the step and the param. */
  validate?(config: StepConfig): void;
}

/** A step with its implementation: the catalogue part plus fit / transform (engine side only). */
export interface StepDef<S = unknown> extends StepInfo {
  /** The shape of the fitted state, checked when a fitted recipe is loaded (see stateShape.ts). */
  state: Shape;
  /** Learns from training rows; the state is plain JSON. */
  fit(frame: Frame, config: StepConfig, ctx: FitContext): S;
  /** Applies a learned state to any rows, without looking at their target. */
  transform(frame: Frame, state: S, config: StepConfig): Frame;
  /**
   * Fit and transform the training rows in one go, for steps whose training output differs from
   * `transform` of new rows: out-of-fold target encoding, resampling and row-dropping steps (which
   * return the new target too and leave new data unchanged in `transform`).
   */
  fitTransform?(frame: Frame, config: StepConfig, ctx: FitContext): FitResult<S>;
}
