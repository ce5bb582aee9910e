import { describe, expect, it } from "vitest";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";

describe("string dictionaries", () => {
  it("counts every level exactly past the first growth of the table", async () => {
    const levels = Array.from({ length: 40 }, (_, i) => `level${i}`);
    const rows = Array.from({ length: 400 }, (_, i) => `${levels[i % 40]},${i % 7}`);
    const { frame } = await readCsvText(`name,n\n${rows.join("\n")}\n`);
    const name = frame.columns[0];
    expect(name.kind).toBe("categorical");
    expect(name.unique).toBe(40);
    if (name.data.type !== "dict") throw new Error("expected dictionary storage");
    const counts = new Map<string, number>();
    for (const c of name.data.codes)
      counts.set(name.data.levels[c], (counts.get(name.data.levels[c]) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 10)).toBe(true);
  });

  it("names the row of the first word in a mostly numeric column with many distinct words", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => (i >= 200 ? `w${i}` : String(i * 1.5)));
    const { frame, report } = await readCsvText(`x\n${rows.join("\n")}\n`);
    expect(frame.columns[0].unique).toBe(300);
    const mixed = report.problems.find((p) => p.type === "mixed_types");
    expect(mixed?.row).toBe(202);
  });

  it("keeps ids unique through a long run, and falls back when values start repeating", async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `id-${i}`);
    const unique = await readCsvText(`key,v\n${ids.map((id, i) => `${id},${i % 3}`).join("\n")}\n`);
    expect(unique.frame.columns[0].kind).toBe("id");
    expect(unique.frame.columns[0].unique).toBe(20_000);

    const repeated = [...ids, ...ids.slice(0, 100), "id-5"];
    const again = await readCsvText(`key,v\n${repeated.map((id, i) => `${id},${i % 3}`).join("\n")}\n`);
    const key = again.frame.columns[0];
    expect(key.kind).not.toBe("id");
    expect(key.unique).toBe(20_000);
    if (key.data.type !== "dict") throw new Error("expected dictionary storage");
    const last = key.data.codes[again.frame.rows - 1];
    expect(key.data.levels[last]).toBe("id-5");
    expect(key.data.codes[again.frame.rows - 1]).toBe(key.data.codes[5]);
  });
});
