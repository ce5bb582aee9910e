/**
 * A step's config form, derived from its ParamSpecs: one field description per param, with the
 * value to show (the config's, else the default) and the parser that turns what was typed back
 * into a param value. Pure, so the mapping is tested in Node and the form component stays thin.
 */
import type { ParamSpec, StepConfig, StepInfo } from "../../core/prep/step.ts";

interface FieldBase {
  key: string;
  label: string;
  /** The spec's note on what the param does, if any. */
  doc: string | null;
  /** Whether the config sets it (else the default shows). */
  isSet: boolean;
}

/** One input of a step's config form. */
export type ParamField =
  | (FieldBase & {
      control: "number";
      value: string;
      min?: number;
      max?: number;
      step: string;
      /** Empty means null ("off"). */
      nullable: boolean;
    })
  | (FieldBase & { control: "select"; value: string; options: string[] })
  | (FieldBase & { control: "checkbox"; value: boolean })
  | (FieldBase & { control: "text"; value: string; nullable: boolean })
  /** A list of texts, typed comma-separated. */
  | (FieldBase & { control: "list"; value: string })
  /** An object, typed as JSON. */
  | (FieldBase & { control: "json"; value: string });

/** "fill_value" -> "Fill value". */
export function paramLabel(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as the text of an input: numbers plainly, null as empty. */
function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return JSON.stringify(v);
}

/** The field for one param and its current value. */
export function paramField(key: string, spec: ParamSpec, value: unknown, isSet: boolean): ParamField {
  const base: FieldBase = { key, label: paramLabel(key), doc: spec.doc ?? null, isSet };
  switch (spec.type) {
    case "number":
      return {
        ...base,
        control: "number",
        value: asText(value),
        min: spec.min,
        max: spec.max,
        step: spec.integer ? "1" : "any",
        nullable: spec.nullable === true,
      };
    case "enum":
      return { ...base, control: "select", value: asText(value), options: spec.values.map(String) };
    case "boolean":
      return { ...base, control: "checkbox", value: value === true };
    case "string":
      return { ...base, control: "text", value: asText(value), nullable: spec.nullable === true };
    case "strings":
      return {
        ...base,
        control: "list",
        value: Array.isArray(value) ? value.join(", ") : asText(value),
      };
    case "record":
      return {
        ...base,
        control: "json",
        value: typeof value === "string" ? value : JSON.stringify(value ?? {}, null, 1),
      };
  }
}

/** Every field of a step's form, in the order its specs list them. */
export function paramFields(def: StepInfo, config: StepConfig): ParamField[] {
  return Object.entries(def.params ?? {}).map(([key, spec]) => {
    const isSet = config.params[key] !== undefined;
    return paramField(key, spec, isSet ? config.params[key] : def.defaults[key], isSet);
  });
}

/**
 * What an input's text (or a checkbox's state) becomes as a param value. Text that does not fit
 * is kept as typed, so validation names it next to the field instead of the edit vanishing.
 */
export function parseParamInput(spec: ParamSpec, input: string | boolean): unknown {
  if (typeof input === "boolean") return input;
  const text = input.trim();
  switch (spec.type) {
    case "number": {
      if (text === "") return spec.nullable ? null : input;
      const n = Number(text);
      return Number.isFinite(n) ? n : input;
    }
    case "enum":
      return spec.values.find((v) => String(v) === input) ?? input;
    case "boolean":
      return input === "true";
    case "string":
      return spec.nullable && text === "" ? null : input;
    case "strings":
      return text === ""
        ? []
        : text
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "");
    case "record":
      try {
        return JSON.parse(text === "" ? "{}" : text);
      } catch {
        return input;
      }
  }
}
