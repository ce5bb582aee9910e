import type { StepConfig } from "./step.ts";

/** The columns of a config in words, for `describe`: `"a", "b" and 2 more`, or `auto` when "auto". */
export function columnsPhrase(config: StepConfig, auto: string, max = 3): string {
  if (config.columns === "auto") return auto;
  const names = config.columns.map((n) => `"${n}"`);
  if (names.length === 0) return "no columns";
  if (names.length === 1) return names[0];
  if (names.length <= max) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/** A share as a percentage for sentences: 0.05 → "5%". */
export function percent(x: number): string {
  return `${Number((100 * x).toPrecision(3))}%`;
}
