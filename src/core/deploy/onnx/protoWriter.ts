/**
 * The few protocol-buffer encodings an ONNX file needs, written by hand so that no protobuf
 * library reaches the app bundle: varints (int64 as two's complement, as protobuf writes negative
 * int64), length-delimited fields (strings, bytes, nested messages), fixed32 floats, and packed
 * repeated numbers. Wire format after https://protobuf.dev/programming-guides/encoding/.
 */

const VARINT = 0;
const FIXED64 = 1;
const LEN = 2;
const FIXED32 = 5;

const utf8 = new TextEncoder();

/** An append-only byte buffer that grows by doubling. */
export class ProtoWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  private n = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.n;
  }

  private ensure(extra: number) {
    if (this.n + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.n + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  /** A raw varint; negative numbers are written as 64-bit two's complement (10 bytes). */
  rawVarint(value: number): void {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer for a varint: ${value}`);
    this.ensure(10);
    if (value >= 0) {
      let v = value;
      // Beyond 2^31 the bitwise operators would truncate: divide instead.
      while (v >= 0x80) {
        this.buf[this.n++] = (v % 0x80) | 0x80;
        v = Math.floor(v / 0x80);
      }
      this.buf[this.n++] = v;
      return;
    }
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.buf[this.n++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.n++] = Number(v);
  }

  private tag(field: number, wire: number) {
    this.rawVarint(field * 8 + wire);
  }

  /** An int32 / int64 / enum / bool field. */
  varint(field: number, value: number): void {
    this.tag(field, VARINT);
    this.rawVarint(value);
  }

  /** A float field (fixed32). */
  float(field: number, value: number): void {
    this.tag(field, FIXED32);
    this.ensure(4);
    this.view.setFloat32(this.n, value, true);
    this.n += 4;
  }

  /** A double field (fixed64). */
  double(field: number, value: number): void {
    this.tag(field, FIXED64);
    this.ensure(8);
    this.view.setFloat64(this.n, value, true);
    this.n += 8;
  }

  /** A bytes field. */
  bytes(field: number, data: Uint8Array): void {
    this.tag(field, LEN);
    this.rawVarint(data.length);
    this.ensure(data.length);
    this.buf.set(data, this.n);
    this.n += data.length;
  }

  /** A string field, UTF-8. */
  string(field: number, text: string): void {
    this.bytes(field, utf8.encode(text));
  }

  /** A nested message field, written by `body` into a fresh writer. */
  message(field: number, body: (w: ProtoWriter) => void): void {
    const inner = new ProtoWriter();
    body(inner);
    this.bytes(field, inner.finish());
  }

  /** A packed repeated int64 / int32 field. */
  packedVarints(field: number, values: ArrayLike<number>): void {
    if (values.length === 0) return;
    const inner = new ProtoWriter();
    for (let i = 0; i < values.length; i++) inner.rawVarint(values[i]);
    this.bytes(field, inner.finish());
  }

  /** A packed repeated float field (each value rounded to float32). */
  packedFloats(field: number, values: ArrayLike<number>): void {
    if (values.length === 0) return;
    this.bytes(field, floatBytes(values));
  }

  /** The bytes written, as a copy the writer no longer touches. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.n);
  }
}

/** Little-endian bytes of doubles (TensorProto.raw_data). */
export function doubleBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  return out;
}

/** Little-endian bytes of floats (TensorProto.raw_data). */
export function floatBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return out;
}

/** Little-endian bytes of int64s (TensorProto.raw_data). */
export function int64Bytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setBigInt64(i * 8, BigInt(values[i]), true);
  return out;
}
