import { describe, expect, it } from "vitest";
import { checkText, sniffDecimal, sniffDelimiter } from "../../../../src/core/data/sniff.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("sniffDelimiter", () => {
  it.each([
    ["a,b,c\n1,2,3\n", ","],
    ["a;b;c\n1,5;2;3\n4,5;6;7\n", ";"],
    ["a\tb\n1\t2\n", "\t"],
    ["a|b|c\n1|2|3\n", "|"],
    ['name,comment\nx,"a;b;c"\ny,"d;e;f"\n', ","],
    ['a;b\n"x,y,z";1\n"p,q,r";2\n', ";"],
  ])("finds the delimiter of %j", (text, delimiter) => {
    expect(sniffDelimiter(bytes(text), true)).toBe(delimiter);
  });

  it("accepts a single-column file (comma)", () => {
    expect(sniffDelimiter(bytes("value\n1\n2\n3\n"), true)).toBe(",");
  });

  it("prefers the delimiter that agrees with the header despite a few ragged rows", () => {
    expect(sniffDelimiter(bytes("a;b;c\n1;2;3\n4;5\n6;7;8\n9;10;11\n"), true)).toBe(";");
  });

  it("ignores the possibly cut last line of a partial sample", () => {
    expect(sniffDelimiter(bytes("a\tb\n1\t2\n3,4,5,6,7"), false)).toBe("\t");
  });
});

describe("sniffDecimal", () => {
  it("finds decimal commas in semicolon files", () => {
    expect(sniffDecimal(bytes("a;b\n3,14;1.234,5\n2,5;7\n"), ";")).toBe(",");
  });
  it("keeps the point when a semicolon file writes 3.14", () => {
    expect(sniffDecimal(bytes("a;b\n3.14;2.5\n1.75;7\n"), ";")).toBe(".");
  });
  it("is always a point for comma files", () => {
    expect(sniffDecimal(bytes('a,b\n"3,14",2\n'), ",")).toBe(".");
  });
  it("needs evidence in tab files", () => {
    expect(sniffDecimal(bytes("a\tb\n3,14\t2,5\n"), "\t")).toBe(",");
    expect(sniffDecimal(bytes("a\tb\n1\t2\n"), "\t")).toBe(".");
  });
});

describe("checkText", () => {
  it("rejects NUL bytes and control-byte soup with a ParseError", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    expect(() => checkText(zip)).toThrowError(expect.objectContaining({ name: "ParseError" }));
    const soup = new Uint8Array(200).map((_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expect(() => checkText(soup)).toThrow("binary");
  });
  it("accepts text with tabs and line breaks", () => {
    expect(() => checkText(bytes("a\tb\r\n1\t2\n"))).not.toThrow();
  });
});
