/**
 * Shapes of fitted step states, checked when a fitted recipe is loaded from a file: a state is
 * plain JSON that a person or another program may have edited, and a step's `transform` trusts
 * it. A shape answers null when a value fits, else what is wrong at which path
 * (`state.columns[2].fill: expected a number, text or null, got true`).
 */
import { ValidationError } from "../errors.ts";

/** Checks one value; `path` names it in the answer. */
export type Shape = (value: unknown, path: string) => string | null;

const show = (v: unknown) => {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  if (typeof v === "object") return "an object";
  return typeof v === "string" ? `"${v.length > 40 ? `${v.slice(0, 40)}...` : v}"` : String(v);
};

const is =
  (test: (v: unknown) => boolean, what: string): Shape =>
  (v, path) =>
    test(v) ? null : `${path}: expected ${what}, got ${show(v)}`;

/** A number; NaN and the infinities are numbers too (the recipe file carries them). */
export const num = is((v) => typeof v === "number", "a number");
export const str = is((v) => typeof v === "string", "text");
export const bool = is((v) => typeof v === "boolean", "true or false");

/** One of the given values. */
export const oneOf = (values: readonly (string | number)[]): Shape =>
  is((v) => values.includes(v as string), `one of ${values.join(" | ")}`);

/** The shape, or null. */
export const nullable =
  (shape: Shape): Shape =>
  (v, path) =>
    v === null ? null : shape(v, path);

/** The first shape that fits; else the answer names them all. */
export const either =
  (what: string, ...shapes: Shape[]): Shape =>
  (v, path) =>
    shapes.some((s) => s(v, path) === null) ? null : `${path}: expected ${what}, got ${show(v)}`;

/** A list (or, in memory before saving, a typed array) whose items fit `item`. */
export const list =
  (item: Shape): Shape =>
  (v, path) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) v = Array.from(v as unknown as ArrayLike<number>);
    if (!Array.isArray(v)) return `${path}: expected a list, got ${show(v)}`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  };

/** Keys that could reach a prototype: refused in any state, whatever its shape. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** An object with these fields; `optional` ones may be absent. Other fields are left alone. */
export const obj =
  (fields: Record<string, Shape>, optional: Record<string, Shape> = {}): Shape =>
  (v, path) => {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return `${path}: expected an object, got ${show(v)}`;
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (FORBIDDEN_KEYS.has(k)) return `${path}: forbidden key "${k}"`;
    for (const [k, s] of Object.entries(fields)) {
      if (!(k in o)) return `${path}.${k}: missing`;
      const p = s(o[k], `${path}.${k}`);
      if (p) return p;
    }
    for (const [k, s] of Object.entries(optional)) {
      if (o[k] === undefined) continue;
      const p = s(o[k], `${path}.${k}`);
      if (p) return p;
    }
    return null;
  };

/** Shorthands for the most common fields. */
export const strs = list(str);
export const nums = list(num);

/**
 * The state of step `type`, checked against its shape: ValidationError
 * `impute (step "fill"): state.columns[0].name: expected text, got 3` when it does not fit.
 */
export function checkState<S>(type: string, id: string, state: unknown, shape: Shape): S {
  const problem = shape(state, "state");
  if (problem) throw new ValidationError(`${type} (step "${id}"): ${problem}`);
  return state as S;
}
