import { describe, expect, it } from "vitest";
import { unescapeQuoted } from "../../../../src/core/data/decode.ts";
import { FIELD_ESCAPED, type RecordFields, Tokenizer } from "../../../../src/core/data/tokenizer.ts";

interface Rec {
  line: number;
  fields: string[];
  numbers: number[];
}

/** Tokenizes `text` pushed in `size`-byte chunks; returns records as decoded strings. */
function tokenize(text: string, size: number, delimiter = ",") {
  const bytes = new TextEncoder().encode(text);
  const records: Rec[] = [];
  const unterminated: [number, number][] = [];
  const decoder = new TextDecoder();
  const sink = {
    record(buf: Uint8Array, f: RecordFields, count: number, line: number) {
      const fields: string[] = [];
      const numbers: number[] = [];
      for (let k = 0; k < count; k++) {
        let b = buf.subarray(f.starts[k], f.ends[k]);
        if (f.flags[k] & FIELD_ESCAPED) {
          const out = new Uint8Array(b.length);
          b = out.subarray(0, unescapeQuoted(buf, f.starts[k], f.ends[k], out));
        }
        fields.push(decoder.decode(b));
        numbers.push(f.numbers[k]);
      }
      records.push({ line, fields, numbers });
    },
    unterminatedQuote(line: number, field: number) {
      unterminated.push([line, field]);
    },
  };
  const t = new Tokenizer(delimiter, sink);
  for (let i = 0; i < bytes.length; i += size) t.push(bytes.slice(i, i + size));
  t.end();
  return { records, unterminated };
}

const TRICKY =
  'id,text,n\r\n1,"a, b",1.5\r\n2,"say ""hi""",-2\r\n3,"two\nlines",007\r\n\r\n4,"ab"cd,1e3\r5,,"6"\n6,x,\n7,"",8';

describe("Tokenizer", () => {
  it("splits fields, unquotes, unescapes doubled quotes and keeps quoted newlines", () => {
    const { records } = tokenize(TRICKY, 1 << 16);
    expect(records.map((r) => r.fields)).toEqual([
      ["id", "text", "n"],
      ["1", "a, b", "1.5"],
      ["2", 'say "hi"', "-2"],
      ["3", "two\nlines", "007"],
      [""],
      ["4", "abcd", "1e3"],
      ["5", "", "6"],
      ["6", "x", ""],
      ["7", "", "8"],
    ]);
  });

  it("numbers records by the physical line where they start", () => {
    const { records } = tokenize(TRICKY, 1 << 16);
    // Record 3 spans lines 4-5, the blank line is 6, then CR and LF line ends.
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it("gives the same records for every chunk size, including 1 and 7 bytes", () => {
    // Numbers cut by a chunk boundary are left to the builders (NaN), so compare text and lines.
    const shape = (r: ReturnType<typeof tokenize>) => ({
      records: r.records.map(({ line, fields }) => ({ line, fields })),
      unterminated: r.unterminated,
    });
    const whole = shape(tokenize(TRICKY, 1 << 16));
    for (const size of [1, 2, 3, 5, 7, 11]) {
      expect(shape(tokenize(TRICKY, size)), `chunk size ${size}`).toEqual(whole);
    }
  });

  it("treats a CRLF split across chunks as one line break", () => {
    const text = "a,b\r\n1,2\r\n3,4\r\n";
    const cut = tokenize(text, 4); // "a,b\r" | "\n1,2" | ...
    expect(cut.records.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(cut.records.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it("accepts lone CR line ends and a last line without newline", () => {
    const { records } = tokenize("x,y\r1,2\r3,4", 2);
    expect(records.map((r) => r.fields)).toEqual([
      ["x", "y"],
      ["1", "2"],
      ["3", "4"],
    ]);
  });

  it("reads plain numbers while scanning and leaves the rest to the column builders", () => {
    const { records } = tokenize('a\n-2.5\n42\n.5\n007\n0.25\n1e3\n 7\n12ab\n"5"\n', 1 << 16);
    const nums = records.slice(1).map((r) => r.numbers[0]);
    expect(nums.slice(0, 3)).toEqual([-2.5, 42, 0.5]);
    expect(nums[3]).toBeNaN(); // leading zero: an identifier
    expect(nums[4]).toBe(0.25);
    for (const n of nums.slice(5)) expect(n).toBeNaN(); // exponent, space, letters, quoted
  });

  it("reports an unterminated quote with the line where it opened and keeps the text", () => {
    const { records, unterminated } = tokenize('a,b\n1,ok\n2,"open\n3,x\n', 3);
    expect(unterminated).toEqual([[3, 1]]);
    expect(records.at(-1)?.fields).toEqual(["2", "open\n3,x"]);
  });

  it("opens one last empty field after a trailing delimiter at the end", () => {
    const { records } = tokenize("a,b\n1,", 1);
    expect(records[1].fields).toEqual(["1", ""]);
  });

  it("uses the given delimiter", () => {
    const { records } = tokenize('a;b\n"x;y";2,5\n', 1, ";");
    expect(records[1].fields).toEqual(["x;y", "2,5"]);
  });
});
