/**
 * What the tokenizer hands over: field flags, the per-field arrays of a record (`RecordFields`) or
 * of a batch of records (`FieldBatch`), and the two kinds of sink.
 */

/** Byte values the tokenizer and sniffers look for. */
export const QUOTE = 0x22;
export const LF = 0x0a;
export const CR = 0x0d;

/** Field flag: the field was quoted; its range is the text between the quotes. */
export const FIELD_QUOTED = 1;
/**
 * Field flag: quoted with doubled quotes or text after the closing quote. The range then covers the
 * raw bytes from the opening quote to the field's end and must go through `unescapeQuoted`.
 */
export const FIELD_ESCAPED = 2;

/**
 * Field flags above these bits: the number of digits after the point of a plain number (one with a
 * value in `numbers`). It tells the column builder that each value is exactly mant / 10^d, which
 * makes counting distinct values cheaper (see distinct.ts).
 */
export const DECIMALS_SHIFT = 2;

/** Per-field data of one record, indexed by field position (the per-record interface). */
export interface RecordFields {
  /** Field k is `buf[starts[k] .. ends[k])`. */
  starts: Int32Array;
  ends: Int32Array;
  /** FIELD_QUOTED / FIELD_ESCAPED bits; decimals of a plain number from DECIMALS_SHIFT up. */
  flags: Int32Array;
  /**
   * The value of a plain unquoted number (`[+-]digits[.digits]`, at most 15 digits, no leading
   * zero), else NaN: the field still has to be read from its bytes.
   */
  numbers: Float64Array;
}

/**
 * Complete records in a row, as the scan found them: the same per-field arrays as `RecordFields`,
 * for all fields of all records back to back. Record r has fields `first[r] .. first[r + 1]`.
 * Handing records over in batches lets the column builders run one tight loop per column (an
 * evenly shaped batch is a strided matrix of fields) instead of one call per field.
 */
export interface FieldBatch extends RecordFields {
  /** `records + 1` entries. */
  first: Int32Array;
  /** Physical line (1-based) where record r starts. */
  lines: Int32Array;
  /** Complete records in the batch. */
  records: number;
}

/** Receives complete records batch by batch; offsets index `buf` and are valid only during the call. */
export interface BatchSink {
  records(buf: Uint8Array, batch: FieldBatch): void;
  /** The file ended inside a quoted field that opened on `line`, in field `field` of the last record. */
  unterminatedQuote?(line: number, field: number): void;
}

/** Receives complete records one at a time; offsets index `buf` and are valid only during the call. */
export interface RecordSink {
  /** One record of `count` fields; `line` is the physical line (1-based) where it starts. */
  record(buf: Uint8Array, fields: RecordFields, count: number, line: number): void;
  /** The file ended inside a quoted field that opened on `line`, in field `field` of the last record. */
  unterminatedQuote?(line: number, field: number): void;
}

/** Adapts a per-record sink: copies each record of a batch into field arrays of its own. */
export function perRecord(sink: RecordSink): BatchSink {
  const fields: RecordFields = {
    starts: new Int32Array(0),
    ends: new Int32Array(0),
    flags: new Int32Array(0),
    numbers: new Float64Array(0),
  };
  return {
    records(buf, b) {
      for (let r = 0; r < b.records; r++) {
        const a = b.first[r];
        const e = b.first[r + 1];
        fields.starts = b.starts.slice(a, e);
        fields.ends = b.ends.slice(a, e);
        fields.flags = b.flags.slice(a, e);
        fields.numbers = b.numbers.slice(a, e);
        sink.record(buf, fields, e - a, b.lines[r]);
      }
    },
    unterminatedQuote: sink.unterminatedQuote?.bind(sink),
  };
}
