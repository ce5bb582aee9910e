import { ValidationError } from "../../errors.ts";
import { checkParams } from "../../prep/params.ts";
import type { StepConfig, StepInfo } from "../../prep/step.ts";

/**
 * Param readers for the feature steps: each takes the step's config, falls back to the step's
 * default when the param is absent, and throws a terse ValidationError naming the step and the
 * param (`binning: params.bins: invalid value -3`) otherwise. The shapes are also declared as
 * the steps' `params` specs (checked by prep's `checkParams`); these readers add the finer rules
 * (allowed list items, ranges across params).
 */

function fail(config: StepConfig, name: string, value: unknown): never {
  throw new ValidationError(
    `${config.type}: params.${name}: invalid value ${JSON.stringify(value) ?? String(value)}`,
  );
}

function raw(config: StepConfig, name: string, fallback: unknown): unknown {
  const v = config.params?.[name];
  return v === undefined ? fallback : v;
}

/** One of the allowed strings. */
export function enumParam<T extends string>(
  config: StepConfig,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const v = raw(config, name, fallback);
  if (!choices.includes(v as T)) fail(config, name, v);
  return v as T;
}

/** A finite number in [min, max]. */
export function numberParam(
  config: StepConfig,
  name: string,
  fallback: number,
  min: number,
  max = Infinity,
): number {
  const v = raw(config, name, fallback);
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) fail(config, name, v);
  return v;
}

/** An integer in [min, max]. */
export function intParam(
  config: StepConfig,
  name: string,
  fallback: number,
  min: number,
  max = Infinity,
): number {
  const v = numberParam(config, name, fallback, min, max);
  if (!Number.isInteger(v)) fail(config, name, v);
  return v;
}

/** A boolean. */
export function boolParam(config: StepConfig, name: string, fallback: boolean): boolean {
  const v = raw(config, name, fallback);
  if (typeof v !== "boolean") fail(config, name, v);
  return v;
}

/** A string. */
export function stringParam(config: StepConfig, name: string, fallback: string): string {
  const v = raw(config, name, fallback);
  if (typeof v !== "string") fail(config, name, v);
  return v;
}

/** A list of allowed strings, without repeats; `allowEmpty` false rejects []. */
export function listParam<T extends string>(
  config: StepConfig,
  name: string,
  choices: readonly T[],
  fallback: readonly T[],
  allowEmpty = false,
): T[] {
  const v = raw(config, name, fallback);
  if (!Array.isArray(v) || (!allowEmpty && v.length === 0)) fail(config, name, v);
  for (const item of v) if (!choices.includes(item as T)) fail(config, name, item);
  return [...new Set(v as T[])];
}

/** A list of strings (column names). */
export function namesParam(config: StepConfig, name: string, fallback: readonly string[]): string[] {
  const v = raw(config, name, fallback);
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) fail(config, name, v);
  return [...(v as string[])];
}

/** A number or null (null: "auto" / not set). */
export function nullableNumberParam(
  config: StepConfig,
  name: string,
  min: number,
  max = Infinity,
  integer = false,
): number | null {
  const v = raw(config, name, null);
  if (v === null) return null;
  return integer ? intParam(config, name, 0, min, max) : numberParam(config, name, 0, min, max);
}

/** Numbers written as text separated by commas or spaces ("0, 10, 100"), as a form field holds them. */
export function numberListParam(config: StepConfig, name: string, fallback: string): number[] {
  const text = stringParam(config, name, fallback).trim();
  if (text === "") return [];
  const out = text.split(/[\s,;]+/).map(Number);
  if (out.some((x) => !Number.isFinite(x))) fail(config, name, text);
  return out;
}

/** Throws the step's ValidationError for a value that passed the type check but breaks a rule. */
export function invalidParam(config: StepConfig, name: string, value: unknown): never {
  fail(config, name, value);
}

/**
 * A feature step's `validate`: the param shapes against the step's specs (unknown params are
 * rejected), then the step's own reader, which throws on the finer rules.
 */
export function checkConfig(def: StepInfo, config: StepConfig, read: (config: StepConfig) => unknown): void {
  checkParams(def, config);
  read(config);
}
