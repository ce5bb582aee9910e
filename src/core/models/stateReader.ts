import { ValidationError } from "../errors.ts";

/**
 * Field-by-field reading of a model artifact's untrusted JSON (a file from disk, another device, a
 * stored run). Every read names its part, so a refusal reads `random_forest: tree 3 node 17: left
 * child 999 out of range (0..40)`. Shapes are fixed by the caller, never walked recursively, so a
 * deep or cyclic input costs no stack; keys that could reach a prototype are refused outright.
 */

/** Keys refused in every object read here, whatever the caller allows. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Options of a number read: integer only, bounds (inclusive), and what a JSON `null` stands for. */
export interface NumberRule {
  int?: boolean;
  min?: number;
  max?: number;
  /** A null in the JSON reads as this value (Infinity for "no threshold", NaN for "not tracked"). */
  nullAs?: number;
}

/** The checking reader of one model's artifact; `fail` throws the ValidationError naming the part. */
export class StateReader {
  constructor(readonly model: string) {}

  /** Throws `ValidationError("<model>: <part>: <problem>")`. */
  fail(part: string, problem: string): never {
    throw new ValidationError(`${this.model}: ${part}: ${problem}`);
  }

  /**
   * A plain object with every `required` key and no key outside `required` and `optional`
   * (so `__proto__` and friends never pass). Returns a null-prototype copy of its own fields.
   */
  object(raw: unknown, part: string, required: readonly string[], optional: readonly string[] = []) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw))
      this.fail(part, `expected an object, got ${describeValue(raw)}`);
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(raw)) {
      if (FORBIDDEN_KEYS.has(key)) this.fail(part, `forbidden key "${key}"`);
      if (!required.includes(key) && !optional.includes(key)) this.fail(part, `unexpected key "${key}"`);
      out[key] = (raw as Record<string, unknown>)[key];
    }
    for (const key of required) if (!(key in out)) this.fail(part, `missing "${key}"`);
    return out;
  }

  /** A finite number (or `nullAs` for null) within the rule's bounds. */
  number(raw: unknown, part: string, rule: NumberRule = {}): number {
    if (raw === null && rule.nullAs !== undefined) return rule.nullAs;
    if (typeof raw !== "number") this.fail(part, `expected a number, got ${describeValue(raw)}`);
    if (!Number.isFinite(raw)) this.fail(part, `not a finite number (${raw})`);
    checkBounds(this, raw, part, rule);
    return raw;
  }

  /** An integer within bounds. */
  int(raw: unknown, part: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    return this.number(raw, part, { int: true, min, max });
  }

  boolean(raw: unknown, part: string): boolean {
    if (typeof raw !== "boolean") this.fail(part, `expected true or false, got ${describeValue(raw)}`);
    return raw;
  }

  string(raw: unknown, part: string): string {
    if (typeof raw !== "string") this.fail(part, `expected a string, got ${describeValue(raw)}`);
    return raw;
  }

  /** One of the allowed strings. */
  choice<T extends string>(raw: unknown, part: string, choices: readonly T[]): T {
    if (!choices.includes(raw as T))
      this.fail(part, `expected ${choices.map((c) => `"${c}"`).join(" or ")}, got ${describeValue(raw)}`);
    return raw as T;
  }

  /**
   * A task and its class count, checked against each other: 0 classes for "regression", 2 for
   * "binary", 3 or more for "multiclass" (the layout of the boosting and neural-net states).
   */
  taskClasses(task: unknown, classes: unknown): { task: "regression" | "binary" | "multiclass"; k: number } {
    const t = this.choice(task, "state: task", ["regression", "binary", "multiclass"]);
    const k = this.int(classes, "state: n_classes", 0, 100_000);
    const fits = t === "regression" ? k === 0 : t === "binary" ? k === 2 : k >= 3;
    if (!fits) this.fail("state: n_classes", `${k} does not fit a ${t} model`);
    return { task: t, k };
  }

  /** An array, of exactly `length` entries when given. */
  array(raw: unknown, part: string, length?: number): unknown[] {
    if (!Array.isArray(raw)) this.fail(part, `expected an array, got ${describeValue(raw)}`);
    if (length !== undefined && raw.length !== length)
      this.fail(part, `${raw.length} entries, expected ${length}`);
    return raw;
  }

  /** An array of numbers, each read by `rule`; `length` when given. Names the first bad entry. */
  numbers(raw: unknown, part: string, length?: number, rule: NumberRule = {}): number[] {
    const list = this.array(raw, part, length);
    const out = new Array<number>(list.length);
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      // The common case inline: a finite number needing no bounds check.
      if (
        typeof v === "number" &&
        Number.isFinite(v) &&
        rule.min === undefined &&
        rule.max === undefined &&
        !rule.int
      )
        out[i] = v;
      else out[i] = this.number(v, `${part}[${i}]`, rule);
    }
    return out;
  }

  /** An array of strings, `length` when given. */
  strings(raw: unknown, part: string, length?: number): string[] {
    const list = this.array(raw, part, length);
    return list.map((v, i) => this.string(v, `${part}[${i}]`));
  }
}

function checkBounds(reader: StateReader, v: number, part: string, rule: NumberRule): void {
  if (rule.int && !Number.isInteger(v)) reader.fail(part, `expected an integer, got ${v}`);
  const min = rule.min ?? Number.NEGATIVE_INFINITY;
  const max = rule.max ?? Number.POSITIVE_INFINITY;
  if (v < min || v > max) {
    const range =
      max === Number.POSITIVE_INFINITY
        ? `at least ${min}`
        : min === Number.NEGATIVE_INFINITY
          ? `at most ${max}`
          : `${min}..${max}`;
    reader.fail(part, `${v} out of range (${range})`);
  }
}

/** A short, safe description of an unexpected value for a message (never its whole content). */
export function describeValue(raw: unknown): string {
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "an array";
  if (typeof raw === "string") return raw.length > 24 ? `a string ("${raw.slice(0, 21)}...")` : `"${raw}"`;
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "object") return "an object";
  return typeof raw;
}
