import { describe, expect, it } from "vitest";
import { convertColumn } from "../../../../src/core/data/convertColumn.ts";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { readUnitColumn } from "../../../../src/core/data/unitNumbers.ts";
import { profileFrame } from "../../../../src/core/profile/profileFrame.ts";
import { cells, column } from "./helpers.ts";

const csv = (name: string, values: string[]) =>
  `${name},n\n${values.map((v, i) => `${v.includes(",") ? `"${v}"` : v},${i % 3}`).join("\n")}\n`;

describe("numbers with a unit", () => {
  it.each([
    ["dollars", ["$2,023.00", "$15.50", "-$5", "$0", "$1,000,000"], "$", [2023, 15.5, -5, 0, 1e6]],
    ["euros (comma decimal)", ["€1.234,50", "€12,00", "-€3,5", "€0,99"], "€", [1234.5, 12, -3.5, 0.99]],
    ["euros after", ["12 €", "3,50 €", "1.000 €"], "€", [12, 3.5, 1000]],
    ["pounds", ["£3", "£4.25", "£-1"], "£", [3, 4.25, -1]],
    ["percent", ["74%", "3.5%", "-2 %", "100%", "0"], "%", [74, 3.5, -2, 100, 0]],
  ])("reads %s as numeric with its unit", async (_, values, unit, expected) => {
    const { frame, report } = await readCsvText(csv("amount", values as string[]));
    const c = column(frame, "amount");
    expect(c.kind).toBe("numeric");
    expect(c.unit).toBe(unit);
    expect(Array.from((c.data as { values: Float64Array }).values)).toEqual(expected);
    expect(report.problems).toEqual([]);
  });

  it("shows the values with the unit as written", async () => {
    const { frame } = await readCsvText(csv("amount", ["$2,023.00", "-$5", "$0.5"]));
    expect(cells(frame, "amount")).toEqual(["$2023", "-$5", "$0.5"]);
    const pct = await readCsvText(csv("share", ["74%", "12.5%"]));
    expect(cells(pct.frame, "share")).toEqual(["74%", "12.5%"]);
  });

  it("keeps the unit through a kind change and back", async () => {
    const { frame } = await readCsvText(csv("amount", ["$5", "$2,023.00", "-$5"]));
    const asText = convertColumn(column(frame, "amount"), "categorical");
    expect(asText.data.type === "dict" && asText.data.levels).toEqual(["$5", "$2023", "-$5"]);
    const back = convertColumn(asText, "numeric");
    expect(back.unit).toBe("$");
    expect(Array.from((back.data as { values: Float64Array }).values)).toEqual([5, 2023, -5]);
  });

  it.each([
    ["two currencies", ["$5", "€5"]],
    ["words", ["$5", "free"]],
    ["no unit at all", ["5", "6"]],
    ["a unit without a number", ["$", "%"]],
    ["percent before the number", ["%5", "%6"]],
    ["ragged grouping", ["$1,23.4", "$5"]],
    ["two signs", ["-$-5", "$5"]],
  ])("leaves %s alone", (_, levels) => {
    expect(readUnitColumn(levels, false)).toBeNull();
  });
});

describe("identifiers", () => {
  it("takes unique consecutive integers from any start for an id", async () => {
    const values = Array.from({ length: 40 }, (_, i) => String(1000 + ((i * 17) % 40)));
    const { frame } = await readCsvText(csv("ticket", values));
    expect(column(frame, "ticket").kind).toBe("id");
    expect(column(frame, "ticket").role).toBe("id");
  });

  it.each([
    ["a short run", "ticket", 10],
    ["a run of years", "year", 40],
    ["a run named like a time", "birthYear", 40],
  ])("keeps %s numeric", async (_, name, n) => {
    const values = Array.from({ length: n }, (_, i) => String(1990 + i));
    const { frame } = await readCsvText(csv(name, values));
    expect(column(frame, name).kind).toBe("numeric");
  });

  it("keeps unique prices with gaps numeric", async () => {
    const values = Array.from({ length: 40 }, (_, i) => String(1000 + i * 3));
    const { frame } = await readCsvText(csv("price", values));
    expect(column(frame, "price").kind).toBe("numeric");
  });

  it("raises an id-like alert for codes with a few duplicated rows", async () => {
    const values = Array.from(
      { length: 100 },
      (_, i) => `cust-${String(i < 95 ? i : i - 50).padStart(5, "0")}`,
    );
    const { frame } = await readCsvText(csv("customer", values));
    expect(column(frame, "customer").kind).toBe("categorical");
    const alerts = profileFrame(frame, { target: null }).alerts.filter((a) => a.column === "customer");
    expect(alerts.map((a) => a.type)).toEqual(["id_like"]);
    expect(alerts[0].message).toContain("95 distinct values in 100 rows");
  });

  it("raises none for repeated words or mostly repeated codes", async () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i < 60 ? i : "x"}`);
    const names = Array.from(
      { length: 100 },
      (_, i) =>
        ["Smith", "Jones", "Brown"][i % 3] +
        (i < 95 ? "abcdefghijklmnopqrstuvwxy"[i % 25] + "abcd"[Math.floor(i / 25)] : ""),
    );
    for (const values of [words, names]) {
      const { frame } = await readCsvText(csv("v", values));
      const alerts = profileFrame(frame, { target: null }).alerts.filter((a) => a.column === "v");
      expect(alerts.map((a) => a.type)).not.toContain("id_like");
    }
  });
});
