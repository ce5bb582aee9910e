import type { Frame } from "../src/core/data/frame.ts";
import { previewRows } from "../src/core/data/preview.ts";
import type { SelectState } from "../src/core/features/selection/selectStep.ts";
import type { RecipePreview } from "../src/core/pipeline/previewRecipe.ts";
import type { FramePreviewView, RecipePreviewView } from "./dataApi.ts";

const HEAD_ROWS = 20;

/** Summary and first rows of a frame, as plain data for the recipe editor. */
export function framePreviewView(frame: Frame): FramePreviewView {
  return {
    rows: frame.rows,
    columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind, missing: c.missing, unique: c.unique })),
    head: previewRows(frame, 0, HEAD_ROWS),
  };
}

/** What the UI shows of a recipe preview: no typed buffers, just summaries and formatted rows. */
export function recipePreviewView(preview: RecipePreview, totalRows: number): RecipePreviewView {
  return {
    sampleSize: preview.before.rows,
    totalRows,
    before: framePreviewView(preview.before),
    after: framePreviewView(preview.after),
    trace: preview.trace,
    features: preview.fitted.features,
    selections: preview.fitted.steps
      .filter((s) => s.type === "select")
      .map((s) => ({ stepId: s.id, state: s.state as SelectState })),
  };
}
