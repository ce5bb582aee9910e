import { createReadStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCsv, readCsvText } from "../../../../src/core/data/readCsv.ts";
import type { Progress } from "../../../../src/core/progress.ts";
import { cells, column, fixtureBytes, fixturePath, floats, kinds, readChunked, summary } from "./helpers.ts";

const read = (name: string, size = 1 << 16, opts = {}) => readChunked(fixtureBytes(name), size, opts);

describe("readCsv: formats", () => {
  it("reads quoted fields with delimiters, doubled quotes and newlines", async () => {
    const { frame, report } = await read("csv/quoted.csv");
    expect(frame.rows).toBe(4);
    expect(cells(frame, "comment")).toEqual(["Hello, world", 'She said "hi"', "line one\nline two", "plain"]);
    expect(floats(frame, "score")).toEqual([3.5, 4, 5, 6]);
    expect(report.problems).toEqual([]);
  });

  it("gives identical results for 1-byte, 7-byte and whole-file chunks", async () => {
    for (const name of [
      "csv/quoted.csv",
      "csv/ragged.csv",
      "csv/bom_crlf.csv",
      "csv/utf16le.csv",
      "csv/latin1.csv",
      "csv/kinds.csv",
    ]) {
      const whole = summary(await read(name));
      expect(summary(await read(name, 1)), `${name} in 1-byte chunks`).toEqual(whole);
      expect(summary(await read(name, 7)), `${name} in 7-byte chunks`).toEqual(whole);
    }
  });

  it("skips a UTF-8 BOM and reads CRLF line ends", async () => {
    const { frame, report } = await read("csv/bom_crlf.csv");
    expect(frame.columns.map((c) => c.name)).toEqual(["city", "temp"]);
    expect(cells(frame, "city")).toEqual(["Oslo", "Rome"]);
    expect(floats(frame, "temp")).toEqual([-3.5, 18]);
    expect(report.encoding).toBe("utf-8");
  });

  it("reads lone CR line ends and a last line without a newline", async () => {
    const { frame } = await read("csv/lone_cr.csv");
    expect(frame.rows).toBe(3);
    expect(cells(frame, "y")).toEqual(["a", "b", "c"]);
  });

  it("reads semicolon files with decimal commas", async () => {
    const { frame, report } = await read("csv/semicolon_decimal.csv");
    expect(report.delimiter).toBe(";");
    expect(report.decimal).toBe(",");
    expect(floats(frame, "price")).toEqual([3.14, 1234.5, -0.5]);
    expect(column(frame, "price").kind).toBe("numeric");
  });

  it("reads tab and pipe files", async () => {
    for (const [name, d] of [
      ["csv/tab.tsv", "\t"],
      ["csv/pipe.csv", "|"],
    ] as const) {
      const { frame, report } = await read(name);
      expect(report.delimiter).toBe(d);
      expect(kinds(frame)).toEqual({ a: "numeric", b: "categorical", c: "numeric" });
      expect(floats(frame, "c")).toEqual([2.5, 3.5]);
    }
  });

  it("honours a forced delimiter and decimal separator", async () => {
    const { frame, report } = await readCsvText("a;b\n1,5;2\n", { delimiter: ";", decimal: "." });
    expect(report.decimal).toBe(".");
    expect(column(frame, "a").kind).toBe("categorical");
    expect(cells(frame, "a")).toEqual(["1,5"]);
  });

  it("reads a single-column file", async () => {
    const { frame, report } = await readCsvText("value\n1\n2\n\n3\n");
    expect(report.delimiter).toBe(",");
    expect(floats(frame, "value")).toEqual([1, 2, 3]);
  });

  it("skips blank lines but keeps a quoted empty value", async () => {
    const { frame } = await readCsvText('a\n1\n\n   \n""\n2\n');
    expect(frame.rows).toBe(3);
    expect(floats(frame, "a")).toEqual([1, Number.NaN, 2]);
  });

  it("treats the missing markers as missing, but not None", async () => {
    const { frame } = await read("csv/missing_markers.csv");
    const v = column(frame, "v");
    expect(v.kind).toBe("numeric");
    expect(v.missing).toBe(10);
    expect(floats(frame, "v").filter((x) => !Number.isNaN(x))).toEqual([1, 2]);
    const s = column(frame, "s");
    expect(s.missing).toBe(10);
    expect(cells(frame, "s").filter((x) => x !== null)).toEqual(["a", "None"]);
  });

  it("reads UTF-16 LE and BE files with a BOM", async () => {
    for (const [name, enc] of [
      ["csv/utf16le.csv", "utf-16le"],
      ["csv/utf16be.csv", "utf-16be"],
    ]) {
      const { frame, report } = await read(name, 3);
      expect(report.encoding).toBe(enc);
      expect(cells(frame, "name")).toEqual(["Åsa", "Björn"]);
      expect(floats(frame, "value")).toEqual([1.5, 2]);
    }
  });

  it("reads UTF-16 without a BOM", async () => {
    const text = "a,b\n1,x\n2,y\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
    const { frame, report } = await readChunked(bytes);
    expect(report.encoding).toBe("utf-16le");
    expect(cells(frame, "b")).toEqual(["x", "y"]);
  });

  it("reads a Node file stream and a web ReadableStream alike", async () => {
    const path = fixturePath("iris.csv");
    const fromNode = await readCsv(createReadStream(path, { highWaterMark: 256 }));
    const bytes = fixtureBytes("iris.csv");
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 100) controller.enqueue(bytes.slice(i, i + 100));
        controller.close();
      },
    });
    const fromWeb = await readCsv(web);
    expect(summary(fromWeb)).toEqual(summary(fromNode));
    expect(fromWeb.frame.rows).toBe(150);
  });
});

describe("readCsv: header", () => {
  it("makes duplicate names unique, names empty ones by position, trims, and reports both", async () => {
    const { frame, report } = await read("csv/headers.csv");
    expect(frame.columns.map((c) => c.name)).toEqual(["a", "a_2", "column_3", "b", "a_3"]);
    expect(report.problems.map((p) => [p.type, p.row, p.column])).toEqual([
      ["duplicate_header", 1, "a_2"],
      ["empty_header", 1, "column_3"],
      ["duplicate_header", 1, "a_3"],
    ]);
    expect(report.problemCounts).toEqual({ duplicate_header: 2, empty_header: 1 });
  });
});

describe("readCsv: ragged rows", () => {
  it("pads short rows, cuts long ones, and reports them with their file row", async () => {
    const { frame, report } = await read("csv/ragged.csv");
    expect(frame.rows).toBe(4);
    expect(floats(frame, "d")).toEqual([4, Number.NaN, 11, 16]);
    expect(floats(frame, "a")).toEqual([1, 5, 8, 13]);
    expect(report.problems.map((p) => [p.type, p.row, p.message])).toEqual([
      ["ragged_row", 3, "row 3 has 3 fields, expected 4"],
      ["ragged_row", 4, "row 4 has 5 fields, expected 4"],
    ]);
    expect(report.droppedRows).toBe(0);
  });

  it("drops them when asked, still reporting them", async () => {
    const { frame, report } = await read("csv/ragged.csv", 5, { raggedRows: "drop" });
    expect(frame.rows).toBe(2);
    expect(floats(frame, "a")).toEqual([1, 13]);
    expect(report.droppedRows).toBe(2);
    expect(report.problemCounts.ragged_row).toBe(2);
  });

  it("counts rows after a quoted newline by their physical line", async () => {
    const { report } = await readCsvText('a,b\n1,"x\ny"\n2\n3,z\n');
    expect(report.problems[0]).toMatchObject({
      type: "ragged_row",
      row: 4,
      message: "row 4 has 1 fields, expected 2",
    });
  });

  it("lists at most maxProblems but counts them all", async () => {
    const text = `a,b\n${Array.from({ length: 30 }, (_, i) => `${i}`).join("\n")}\n`;
    const { report } = await readCsvText(text, { maxProblems: 5 });
    expect(report.problems).toHaveLength(5);
    expect(report.problemCounts.ragged_row).toBe(30);
    expect(report.problems[4].row).toBe(6);
  });
});

describe("readCsv: encodings", () => {
  it("reads bytes that are not UTF-8 as windows-1252 and reports where", async () => {
    const { frame, report } = await read("csv/latin1.csv");
    expect(cells(frame, "city")).toEqual(["München", "Zürich", "Paris", "São Paulo"]);
    expect(report.encoding).toBe("windows-1252");
    expect(report.problemCounts.encoding).toBe(3);
    expect(report.problems.map((p) => [p.type, p.row, p.column])).toEqual([
      ["encoding", 2, "city"],
      ["encoding", 3, "city"],
      ["encoding", 5, "city"],
    ]);
  });

  it("keeps a UTF-8 file UTF-8 when only a few fields are not", async () => {
    const { frame, report } = await read("csv/mixed_utf8_latin1.csv");
    expect(report.encoding).toBe("utf-8");
    expect(cells(frame, "name")).toEqual(["José", "Zoë", "René", "Chloé"]);
    expect(report.problems).toEqual([expect.objectContaining({ type: "encoding", row: 4, column: "name" })]);
  });

  it("decodes windows-1252 punctuation", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("q\n"), 0x93, 0x68, 0x69, 0x94, 0x80, 0x0a]);
    const { frame } = await readChunked(bytes);
    expect(cells(frame, "q")).toEqual(["\u201chi\u201d\u20ac"]);
  });
});

describe("readCsv: malformed files", () => {
  it("keeps what follows an unterminated quote and reports the row where it opened", async () => {
    const { frame, report } = await read("csv/unterminated.csv");
    expect(frame.rows).toBe(2);
    expect(cells(frame, "text")).toEqual(["ok", "never closed\n3,lost\n4,also lost"]);
    expect(report.problems).toEqual([
      expect.objectContaining({ type: "unterminated_quote", row: 3, column: "text" }),
    ]);
  });

  it.each([
    ["csv/empty.csv", "The file is empty."],
    ["csv/whitespace.csv", "The file contains only whitespace."],
    ["csv/header_only.csv", "The file has a header row but no data rows."],
    ["csv/binary.csv", "This looks like a binary file, not a text table."],
  ])("rejects %s with a ParseError", async (name, message) => {
    await expect(read(name)).rejects.toMatchObject({ name: "ParseError", message });
  });

  it("rejects a header with only blank lines after it", async () => {
    await expect(readCsvText("a,b\n\n\n")).rejects.toMatchObject({ name: "ParseError" });
  });
});

describe("readCsv: progress and abort", () => {
  it("reports read progress in bytes with the row count", async () => {
    const bytes = fixtureBytes("credit_data.csv");
    const seen: Progress[] = [];
    await readChunked(bytes, 1 << 16, { totalBytes: bytes.length, onProgress: (p) => seen.push(p) });
    const last = seen.at(-1)!;
    expect(last).toEqual({ phase: "read", done: bytes.length, total: bytes.length, metrics: { rows: 4454 } });
    expect(seen.every((p) => p.phase === "read" && p.done <= p.total)).toBe(true);
  });

  it("stops with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const bytes = fixtureBytes("credit_data.csv");
    async function* slow() {
      for (let i = 0; i < bytes.length; i += 4096) {
        if (i === 4096 * 20) controller.abort();
        yield bytes.slice(i, i + 4096);
      }
    }
    await expect(readCsv(slow(), { signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("applies kind overrides after inference", async () => {
    const { frame } = await readCsvText("zip,n\n10001,1\n94105,2\n", { kinds: { zip: "categorical" } });
    expect(column(frame, "zip").kind).toBe("categorical");
    expect(cells(frame, "zip")).toEqual(["10001", "94105"]);
  });
});
