/**
 * ONNX's ModelProto and the messages under it, as plain data, and their encoding with the field
 * numbers of onnx/onnx.proto (IR version 8). Only what the exporter writes is modelled.
 */
import { doubleBytes, floatBytes, int64Bytes, ProtoWriter } from "./protoWriter.ts";

/** IR version and opsets the exporter targets (ONNX 1.12+, onnxruntime 1.12+). */
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 17;
export const ONNX_ML_OPSET = 3;
export const ONNX_ML_DOMAIN = "ai.onnx.ml";

/** TensorProto.DataType values used here. */
export const DTYPE = { float: 1, int64: 7, string: 8, bool: 9, double: 11 } as const;
export type ElemType = keyof typeof DTYPE;

/** A constant tensor (initializer or tensor attribute). */
export interface TensorData {
  name: string;
  type: ElemType;
  dims: number[];
  values: ArrayLike<number> | readonly string[];
}

/** One attribute value; the kind picks the AttributeProto field. */
export type AttrValue =
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "string"; value: string }
  | { kind: "ints"; value: ArrayLike<number> }
  | { kind: "floats"; value: ArrayLike<number> }
  | { kind: "strings"; value: readonly string[] }
  | { kind: "tensor"; value: TensorData };

/** A graph node. */
export interface NodeData {
  opType: string;
  domain?: string;
  inputs: string[];
  outputs: string[];
  name: string;
  attributes: Record<string, AttrValue>;
}

/** A typed graph input or output; a dim is a size or a symbolic name ("N"). */
export interface ValueInfo {
  name: string;
  type: ElemType;
  dims: (number | string)[];
  doc?: string;
}

/** A whole model. */
export interface ModelData {
  producerName: string;
  producerVersion: string;
  docString: string;
  graphName: string;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: NodeData[];
  initializers: TensorData[];
  metadata: [string, string][];
}

const ATTR_TYPE = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7, strings: 8 } as const;
const utf8 = new TextEncoder();

function writeTensor(w: ProtoWriter, t: TensorData) {
  w.packedVarints(1, t.dims);
  w.varint(2, DTYPE[t.type]);
  w.string(8, t.name);
  if (t.type === "string") {
    for (const s of t.values as readonly string[]) w.bytes(6, utf8.encode(s));
    return;
  }
  const values = t.values as ArrayLike<number>;
  if (t.type === "double") w.bytes(9, doubleBytes(values));
  else if (t.type === "float") w.bytes(9, floatBytes(values));
  else if (t.type === "int64") w.bytes(9, int64Bytes(values));
  else
    w.bytes(
      9,
      Uint8Array.from(values as ArrayLike<number>, (v) => (v ? 1 : 0)),
    );
}

function writeAttribute(w: ProtoWriter, name: string, a: AttrValue) {
  w.string(1, name);
  w.varint(20, ATTR_TYPE[a.kind]);
  switch (a.kind) {
    case "int":
      w.varint(3, a.value);
      break;
    case "float":
      w.float(2, a.value);
      break;
    case "string":
      w.string(4, a.value);
      break;
    case "ints":
      w.packedVarints(8, a.value);
      break;
    case "floats":
      w.packedFloats(7, a.value);
      break;
    case "strings":
      for (const s of a.value) w.string(9, s);
      break;
    case "tensor":
      w.message(5, (t) => writeTensor(t, a.value));
      break;
  }
}

function writeNode(w: ProtoWriter, n: NodeData) {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  w.string(3, n.name);
  w.string(4, n.opType);
  for (const [name, a] of Object.entries(n.attributes)) w.message(5, (m) => writeAttribute(m, name, a));
  if (n.domain) w.string(7, n.domain);
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo) {
  w.string(1, v.name);
  // TypeProto.tensor_type { elem_type, shape { dim { dim_value | dim_param } } }
  w.message(2, (type) =>
    type.message(1, (tensor) => {
      tensor.varint(1, DTYPE[v.type]);
      tensor.message(2, (shape) => {
        for (const d of v.dims)
          shape.message(1, (dim) => (typeof d === "number" ? dim.varint(1, d) : dim.string(2, d)));
      });
    }),
  );
  if (v.doc) w.string(3, v.doc);
}

/** The model's bytes, ready to write as a .onnx file. */
export function encodeModel(m: ModelData): Uint8Array {
  const w = new ProtoWriter();
  w.varint(1, ONNX_IR_VERSION);
  w.string(2, m.producerName);
  w.string(3, m.producerVersion);
  w.string(6, m.docString);
  w.message(7, (g) => {
    for (const n of m.nodes) g.message(1, (nw) => writeNode(nw, n));
    g.string(2, m.graphName);
    for (const t of m.initializers) g.message(5, (tw) => writeTensor(tw, t));
    for (const v of m.inputs) g.message(11, (vw) => writeValueInfo(vw, v));
    for (const v of m.outputs) g.message(12, (vw) => writeValueInfo(vw, v));
  });
  w.message(8, (o) => {
    o.string(1, "");
    o.varint(2, ONNX_OPSET);
  });
  w.message(8, (o) => {
    o.string(1, ONNX_ML_DOMAIN);
    o.varint(2, ONNX_ML_OPSET);
  });
  for (const [key, value] of m.metadata)
    w.message(14, (e) => {
      e.string(1, key);
      e.string(2, value);
    });
  return w.finish();
}
