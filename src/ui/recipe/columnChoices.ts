import type { ColumnKind } from "../../core/data/frame.ts";
import type { StepTrace } from "../../core/pipeline/fittedRecipe.ts";

/** A column a step's picker offers; `kind` null when no preview says what an added column is. */
export interface ColumnChoice {
  name: string;
  kind: ColumnKind | null;
}

/** What `columnChoices` reads of a recipe preview. */
export interface ChoicePreview {
  trace: readonly StepTrace[];
  after: { columns: readonly { name: string; kind: ColumnKind }[] };
}

/**
 * The columns a step can be pointed at: the table's columns (not the target), plus what the
 * earlier steps add and less what they remove (from the preview's trace, when there is one),
 * limited to the kinds the step accepts. Chosen columns no longer offered stay listed, so they
 * can be unticked.
 */
export function columnChoices(
  table: readonly { name: string; kind: ColumnKind }[],
  target: string | null,
  stepId: string,
  order: readonly string[],
  preview: ChoicePreview | null,
  accepts: readonly ColumnKind[] | undefined,
  chosen: readonly string[],
): ColumnChoice[] {
  const kinds = new Map<string, ColumnKind>();
  for (const c of preview?.after.columns ?? []) kinds.set(c.name, c.kind);
  for (const c of table) kinds.set(c.name, c.kind);
  const names = table.map((c) => c.name).filter((n) => n !== target);
  const position = order.indexOf(stepId);
  const earlier = new Set(position < 0 ? [] : order.slice(0, position));
  for (const t of preview?.trace ?? []) {
    if (!earlier.has(t.id)) continue;
    const removed = new Set(t.removed);
    for (let i = names.length - 1; i >= 0; i--) if (removed.has(names[i])) names.splice(i, 1);
    for (const a of t.added) if (a !== target && !names.includes(a)) names.push(a);
  }
  const fits = (name: string) => {
    const kind = kinds.get(name);
    return !accepts || kind === undefined || accepts.includes(kind);
  };
  const out: ColumnChoice[] = names.filter(fits).map((name) => ({ name, kind: kinds.get(name) ?? null }));
  for (const name of chosen) {
    if (!out.some((c) => c.name === name)) out.push({ name, kind: kinds.get(name) ?? null });
  }
  return out;
}
