/**
 * The recipe's I/O: reading what a project saved and writing edits, one write after another.
 * Prepare and Features each make their own store; a phase opened right after an edit in the other
 * waits here for that edit's write, so it never reads the recipe from before it.
 */
import type { SplitConfig } from "../../core/prep/splits.ts";
import type { Recipe } from "../../core/prep/step.ts";
import { getProject, setProjectRecipe } from "../../persist/projects.ts";
import type { DatasetMeta, ProjectRecord } from "../../persist/types.ts";
import { readFramingContext, savedTarget } from "../frame/readFramingContext.ts";
import { getDb } from "../shared/appDb.ts";

let writes: Promise<unknown> = Promise.resolve();

/** Queues a write of the recipe (and split, when given); resolves once it is stored. */
export function saveRecipe(projectId: string, recipe: Recipe, split: SplitConfig | null): Promise<void> {
  const plain = JSON.parse(JSON.stringify(recipe)) as Recipe;
  const plainSplit = split ? (JSON.parse(JSON.stringify(split)) as SplitConfig) : undefined;
  const write = writes.then(async () => {
    await setProjectRecipe(await getDb(), projectId, plain, plainSplit);
  });
  writes = write.catch(() => undefined);
  return write;
}

/** What the recipe editor starts from. */
export interface RecipeContext {
  project: ProjectRecord;
  /** The framed table when it still exists, else the newest; null without data. */
  dataset: DatasetMeta | null;
  /** The framed target when it belongs to the table, else null. */
  target: string | null;
}

export async function readRecipeContext(projectId: string): Promise<RecipeContext> {
  await writes;
  const [project, framing] = await Promise.all([
    getDb().then((db) => getProject(db, projectId)),
    readFramingContext(projectId),
  ]);
  return { project, dataset: framing.dataset, target: savedTarget(framing) };
}
