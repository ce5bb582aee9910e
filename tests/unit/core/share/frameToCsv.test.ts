import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCsvText } from "../../../../src/core/data/readCsv.ts";
import { dataFingerprint } from "../../../../src/core/deploy/dataFingerprint.ts";
import { frameToCsv } from "../../../../src/core/share/frameToCsv.ts";

const samples = new URL("../../../../public/samples/", import.meta.url);
const names = readdirSync(samples).filter((f) => f.endsWith(".csv"));

describe("frameToCsv", () => {
  it.each(names)("%s reads back to the same table (kinds, values, fingerprint)", async (name) => {
    const { frame } = await readCsvText(readFileSync(new URL(name, samples), "utf8"));
    const again = (await readCsvText(frameToCsv(frame))).frame;
    expect(again.rows).toBe(frame.rows);
    expect(again.columns.map((c) => [c.name, c.kind])).toEqual(frame.columns.map((c) => [c.name, c.kind]));
    expect(await dataFingerprint(again)).toBe(await dataFingerprint(frame));
  });

  it("quotes what needs quotes and keeps text a spreadsheet guard would change", async () => {
    const text =
      'name,note,when,ok\n"a, b","say ""hi""",2020-01-02 03:04:05.250,yes\n-x,=1+2,2020-01-03,no\n';
    const { frame } = await readCsvText(text);
    const csv = frameToCsv(frame);
    expect(csv.split("\n")[1]).toBe('"a, b","say ""hi""",2020-01-02 03:04:05.250,yes');
    expect(csv.split("\n")[2]).toBe("-x,=1+2,2020-01-03,no");
    expect(await dataFingerprint((await readCsvText(csv)).frame)).toBe(await dataFingerprint(frame));
  });
});
