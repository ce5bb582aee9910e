import { describe, expect, it } from "vitest";
import { applyRecipe } from "../../../../src/core/pipeline/applyRecipe.ts";
import { fitRecipe } from "../../../../src/core/pipeline/fitRecipe.ts";
import { fittedRecipeFromJSON, fittedRecipeToJSON } from "../../../../src/core/pipeline/recipeJson.ts";
import type { Recipe } from "../../../../src/core/prep/step.ts";
import { makeRng } from "../../../../src/core/random.ts";
import { frameOf, names, valuesOf } from "./helpers.ts";

/** Shop rows: a date, a store key, price and area, a note; sales driven by price * area. */
function shop(rows: number, seed: number) {
  const rng = makeRng(seed);
  const price: number[] = [];
  const area: number[] = [];
  const noise: number[] = [];
  const sales: number[] = [];
  for (let i = 0; i < rows; i++) {
    price.push(1 + rng.next() * 9);
    area.push(1 + rng.next() * 4);
    noise.push(rng.next());
    sales.push(price[i] * area[i] + 0.1 * rng.next());
  }
  return frameOf({
    day: { kind: "datetime", values: price.map((_, i) => Date.UTC(2024, 0, 1 + (i % 60), i % 24)) },
    store: price.map((_, i) => ["north", "south", "east"][i % 3]),
    price,
    area,
    noise,
    note: { kind: "text", values: price.map((p) => (p > 5 ? "big sale today" : "quiet day")) },
    sales,
  });
}

describe("feature steps in a recipe", () => {
  it("fit on training rows and apply the same state to new rows", () => {
    const recipe: Recipe = {
      version: 1,
      target: "sales",
      steps: [
        { id: "d", type: "date_parts", enabled: true, columns: "auto", params: {} },
        { id: "g", type: "group_aggregates", enabled: true, columns: ["price"], params: { keys: ["store"] } },
        {
          id: "t",
          type: "text_features",
          enabled: true,
          columns: "auto",
          params: { top_k: 2, pattern: "sale" },
        },
        { id: "a", type: "auto_pairs", enabled: true, columns: ["price", "area", "noise"], params: { n: 1 } },
        {
          id: "s",
          type: "select",
          enabled: true,
          columns: "auto",
          params: { method: "correlation", keep: "k", k: 4 },
        },
      ],
    };
    const train = shop(300, 1);
    const { fitted, frame } = fitRecipe(recipe, train, { seed: 3 });
    const pairs = fitted.steps.find((s) => s.id === "a")!.state as { chosen: { name: string }[] };
    expect(pairs.chosen.map((c) => c.name)).toEqual(["price*area"]);
    expect(names(frame)).toContain("price*area");
    // Saved and reloaded, the fitted recipe makes the same columns on new rows.
    const reloaded = fittedRecipeFromJSON(JSON.parse(JSON.stringify(fittedRecipeToJSON(fitted))));
    const fresh = shop(20, 2);
    const out = applyRecipe(reloaded, fresh);
    expect(names(out)).toEqual(names(frame).filter((n) => n !== "sales"));
    const price = valuesOf(fresh, "price");
    const area = valuesOf(fresh, "area");
    expect(valuesOf(out, "price*area")).toEqual(price.map((p, i) => p * area[i]));
  });
});
