/**
 * The tokenizer's sink: takes the header, checks each record's field count (padding, cutting or
 * dropping ragged rows), and hands every field to its column's builder.
 */
import { ColumnBuilder } from "./columnBuilder.ts";
import { convertColumn } from "./convertColumn.ts";
import type { Encoding } from "./csvTypes.ts";
import { decodeField, unescapeQuoted } from "./decode.ts";
import type { ColumnKind, Frame } from "./frame.ts";
import { makeColumnNames } from "./header.ts";
import { inferColumn } from "./inferKind.ts";
import type { ProblemLog } from "./problems.ts";
import { FIELD_ESCAPED, type RecordFields, type RecordSink } from "./tokenizer.ts";

/** Reading settings the assembler and its builders share. */
export interface AssemblerOptions {
  raggedRows: "keep" | "drop";
  decimalComma: boolean;
  /** How field bytes are decoded (the transcoded stream is always UTF-8 or windows-1252). */
  encoding: Encoding;
  problems: ProblemLog;
}

function isBlankField(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 0x20 && buf[i] !== 0x09) return false;
  return true;
}

/** Routes records to column builders; `finish` turns them into a Frame. */
export class RecordAssembler implements RecordSink {
  private builders: ColumnBuilder[] | null = null;
  private names: string[] = [];
  /** Data rows kept. */
  rows = 0;
  /** Ragged rows dropped (`raggedRows: "drop"`). */
  dropped = 0;
  private readonly ctx;

  constructor(private readonly opts: AssemblerOptions) {
    const problems = opts.problems;
    this.ctx = {
      decimalComma: opts.decimalComma,
      encoding: opts.encoding,
      onBadBytes: (row: number, column: string) =>
        problems.add(
          "encoding",
          row,
          column,
          () => `row ${row}, column "${column}": bytes that are not valid UTF-8 were read as windows-1252`,
        ),
    };
  }

  /** True once a header row has been read. */
  get hasHeader(): boolean {
    return this.builders !== null;
  }

  record(buf: Uint8Array, fields: RecordFields, count: number, line: number): void {
    const { starts, ends, flags } = fields;
    // Blank lines (or only spaces) are skipped; a quoted "" is a real, missing, value.
    if (count === 1 && flags[0] === 0 && isBlankField(buf, starts[0], ends[0])) return;
    const builders = this.builders;
    if (builders === null) {
      this.readHeader(buf, starts, ends, flags, count);
      return;
    }
    const ncols = builders.length;
    if (count !== ncols) {
      this.opts.problems.add(
        "ragged_row",
        line,
        null,
        () => `row ${line} has ${count} fields, expected ${ncols}`,
      );
      if (this.opts.raggedRows === "drop") {
        this.dropped++;
        return;
      }
    }
    const m = Math.min(count, ncols);
    for (let j = 0; j < m; j++) builders[j].add(buf, fields, j, line);
    for (let j = m; j < ncols; j++) builders[j].addMissing();
    this.rows++;
  }

  unterminatedQuote(line: number, field: number): void {
    const column = this.builders !== null && field < this.names.length ? this.names[field] : null;
    this.opts.problems.add(
      "unterminated_quote",
      line,
      column,
      () => `row ${line}: a quote opened here is never closed; the rest of the file was read into this field`,
    );
  }

  private readHeader(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    flags: Int32Array,
    count: number,
  ): void {
    const raw: string[] = [];
    for (let j = 0; j < count; j++) {
      let b = buf;
      let s = starts[j];
      let e = ends[j];
      if (flags[j] & FIELD_ESCAPED) {
        b = new Uint8Array(e - s);
        e = unescapeQuoted(buf, s, e, b);
        s = 0;
      }
      const d = decodeField(b, s, e, this.opts.encoding);
      if (!d.utf8) this.ctx.onBadBytes(1, d.text.trim() || `column_${j + 1}`);
      raw.push(d.text);
    }
    this.names = makeColumnNames(raw, this.opts.problems);
    this.builders = this.names.map((name) => new ColumnBuilder(name, this.ctx));
  }

  /**
   * Decides every column's kind and builds the frame, one column at a time so only one column's
   * blocks and final array are alive together. User overrides in `kinds` apply last.
   */
  finish(kinds?: Record<string, ColumnKind>): Frame {
    const builders = this.builders ?? [];
    const columns = [];
    for (let j = 0; j < builders.length; j++) {
      const { column, mixed } = inferColumn(this.names[j], builders[j].finish(), this.opts.decimalComma);
      if (mixed) {
        this.opts.problems.add(
          "mixed_types",
          mixed.row,
          column.name,
          () => `row ${mixed.row}: ${JSON.stringify(mixed.value)} in a mostly numeric column`,
        );
      }
      const wanted = kinds?.[column.name];
      columns.push(wanted && wanted !== column.kind ? convertColumn(column, wanted) : column);
    }
    this.builders = [];
    return { rows: this.rows, columns };
  }
}
