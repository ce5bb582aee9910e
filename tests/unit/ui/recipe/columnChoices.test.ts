import { describe, expect, it } from "vitest";
import { columnChoices } from "../../../../src/ui/recipe/columnChoices.ts";

const table = [
  { name: "species", kind: "categorical" as const },
  { name: "island", kind: "categorical" as const },
  { name: "bill_length_mm", kind: "numeric" as const },
  { name: "seen", kind: "datetime" as const },
];

describe("columnChoices", () => {
  const trace = [
    {
      id: "one_hot",
      type: "one_hot",
      ms: 1,
      rowsBefore: 9,
      rowsAfter: 9,
      columnsBefore: 4,
      columnsAfter: 5,
      added: ["island=A", "island=B"],
      removed: ["island"],
    },
  ];
  const after = {
    columns: [
      { name: "island=A", kind: "numeric" as const },
      { name: "island=B", kind: "numeric" as const },
    ],
  };

  it("offers the table's columns of accepted kinds, less the target", () => {
    const c = columnChoices(table, "species", "impute", ["impute", "one_hot"], null, ["categorical"], []);
    expect(c).toEqual([{ name: "island", kind: "categorical" }]);
  });

  it("follows what earlier steps add and remove", () => {
    const c = columnChoices(
      table,
      "species",
      "scale",
      ["one_hot", "scale"],
      { trace, after },
      ["numeric"],
      [],
    );
    expect(c.map((x) => x.name)).toEqual(["bill_length_mm", "island=A", "island=B"]);
    // A step before one_hot still sees island, not its columns.
    const before = columnChoices(
      table,
      "species",
      "impute",
      ["impute", "one_hot"],
      { trace, after },
      undefined,
      [],
    );
    expect(before.map((x) => x.name)).toEqual(["island", "bill_length_mm", "seen"]);
  });

  it("keeps chosen columns listed so they can be unticked", () => {
    const c = columnChoices(table, "species", "impute", ["impute"], null, ["numeric"], ["gone"]);
    expect(c).toEqual([
      { name: "bill_length_mm", kind: "numeric" },
      { name: "gone", kind: null },
    ]);
  });
});
