/**
 * Step params, normalised once at the boundary (as Observable Plot does with its options): a
 * step's `validate` checks them against its `params` specs and `readParams` fills in defaults,
 * so step code reads plain, trusted values.
 */
import { ValidationError } from "../errors.ts";
import type { ParamSpec, StepConfig, StepInfo } from "./step.ts";

const show = (v: unknown) => (typeof v === "string" ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/** What is wrong with one param value, or null when it fits its spec. */
export function paramProblem(value: unknown, spec: ParamSpec): string | null {
  switch (spec.type) {
    case "number": {
      if (value === null && spec.nullable) return null;
      if (typeof value !== "number" || !Number.isFinite(value))
        return `expected a number, got ${show(value)}`;
      if (spec.integer && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}, got ${value}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}, got ${value}`;
      return null;
    }
    case "enum":
      return spec.values.includes(value as string | number)
        ? null
        : `expected one of ${spec.values.join(" | ")}, got ${show(value)}`;
    case "boolean":
      return typeof value === "boolean" ? null : `expected true or false, got ${show(value)}`;
    case "string":
      if (value === null && spec.nullable) return null;
      return typeof value === "string" ? null : `expected text, got ${show(value)}`;
    case "strings":
      return Array.isArray(value) && value.every((v) => typeof v === "string")
        ? null
        : `expected a list of texts, got ${show(value)}`;
    case "record":
      return typeof value === "object" && value !== null && !Array.isArray(value)
        ? null
        : `expected an object, got ${show(value)}`;
  }
}

/** Every problem with a config's params against its step's specs, as "params.x: ..." lines. */
export function paramProblems(def: StepInfo, config: StepConfig): string[] {
  const specs = def.params ?? {};
  const out: string[] = [];
  const params = config.params ?? {};
  for (const [key, value] of Object.entries(params)) {
    const spec = specs[key];
    if (!spec) out.push(`params.${key}: unknown param (known: ${Object.keys(specs).join(", ") || "none"})`);
    else {
      const p = paramProblem(value, spec);
      if (p) out.push(`params.${key}: ${p}`);
    }
  }
  return out;
}

/**
 * The body of a StepDef's `validate`: rejects unknown params and values outside their specs,
 * then runs `extra` (cross-param rules) on the merged params. Throws ValidationError "type: params.x: ...".
 */
export function checkParams(
  def: StepInfo,
  config: StepConfig,
  extra?: (params: Record<string, unknown>) => string | null,
): void {
  const problems = paramProblems(def, config);
  if (problems.length === 0 && extra) {
    const p = extra({ ...def.defaults, ...config.params });
    if (p) problems.push(p);
  }
  if (problems.length > 0) throw new ValidationError(`${def.type}: ${problems.join("; ")}`);
}

/** The config's params over the step's defaults. */
export function readParams<P>(def: Pick<StepInfo, "defaults">, config: StepConfig): P {
  return { ...def.defaults, ...config.params } as P;
}
