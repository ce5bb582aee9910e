import {
  type AttrValue,
  type ElemType,
  type NodeData,
  ONNX_ML_DOMAIN,
  type TensorData,
  type ValueInfo,
} from "./onnxModel.ts";

/** Attribute shorthands. */
export const attr = {
  int: (value: number): AttrValue => ({ kind: "int", value }),
  float: (value: number): AttrValue => ({ kind: "float", value }),
  string: (value: string): AttrValue => ({ kind: "string", value }),
  ints: (value: ArrayLike<number>): AttrValue => ({ kind: "ints", value }),
  floats: (value: ArrayLike<number>): AttrValue => ({ kind: "floats", value }),
  strings: (value: readonly string[]): AttrValue => ({ kind: "strings", value }),
  tensor: (value: TensorData): AttrValue => ({ kind: "tensor", value }),
};

/**
 * Builds a graph node by node. Every value gets a fresh name under a prefix no input column can
 * take (names are checked against the graph's inputs and outputs), so column names never clash
 * with intermediate values; constants become initializers, shared when equal.
 */
export class GraphBuilder {
  readonly nodes: NodeData[] = [];
  readonly initializers: TensorData[] = [];
  readonly inputs: ValueInfo[] = [];
  private count = 0;
  private readonly constants = new Map<string, string>();
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  /** A name no input, output or earlier value has. */
  fresh(hint: string): string {
    let name: string;
    do name = `${hint}.${this.count++}`;
    while (this.taken.has(name));
    this.taken.add(name);
    return name;
  }

  /** Declares a graph input of shape [N, 1]. */
  input(name: string, type: ElemType): string {
    this.inputs.push({ name, type, dims: ["N", 1] });
    return name;
  }

  /** A constant tensor, as an initializer shared with any equal one. */
  constant(type: ElemType, dims: number[], values: ArrayLike<number> | readonly string[]): string {
    const list = Array.from(values as ArrayLike<number | string>);
    // Doubles by their exact bits (JSON would lose -0 and write NaN as null).
    const key = `${type}|${dims.join(",")}|${type === "string" ? JSON.stringify(list) : list.map((v) => (Object.is(v, -0) ? "-0" : String(v))).join(",")}`;
    const known = this.constants.get(key);
    if (known) return known;
    const name = this.fresh("const");
    this.initializers.push({
      name,
      type,
      dims,
      values: type === "string" ? (list as string[]) : (list as number[]),
    });
    this.constants.set(key, name);
    return name;
  }

  /** A double scalar constant (shape [], broadcasts). */
  scalar(value: number): string {
    return this.constant("double", [], [value]);
  }

  /** A 1-D int64 constant (axes, shapes, indices). */
  ints(values: number[]): string {
    return this.constant("int64", [values.length], values);
  }

  /** Adds a node with `outputs` outputs and returns their names. */
  opN(
    opType: string,
    inputs: string[],
    outputs: number,
    attributes: Record<string, AttrValue> = {},
    domain?: string,
  ): string[] {
    const outs = Array.from({ length: outputs }, () => this.fresh(opType));
    this.nodes.push({
      opType,
      domain,
      inputs,
      outputs: outs,
      name: this.fresh(`node.${opType}`),
      attributes,
    });
    return outs;
  }

  /** Adds a node with one output and returns its name. */
  op(opType: string, inputs: string[], attributes: Record<string, AttrValue> = {}): string {
    return this.opN(opType, inputs, 1, attributes)[0];
  }

  /** Adds an ai.onnx.ml node with one output. */
  ml(opType: string, inputs: string[], attributes: Record<string, AttrValue>): string {
    return this.opN(opType, inputs, 1, attributes, ONNX_ML_DOMAIN)[0];
  }

  /** Makes `value` the graph output `name` (an Identity node, which the runtime folds away). */
  output(name: string, value: string): void {
    this.nodes.push({
      opType: "Identity",
      inputs: [value],
      outputs: [name],
      name: this.fresh("node.Identity"),
      attributes: {},
    });
  }

  // ---- element-wise shorthands (double tensors) ----
  add = (a: string, b: string) => this.op("Add", [a, b]);
  sub = (a: string, b: string) => this.op("Sub", [a, b]);
  mul = (a: string, b: string) => this.op("Mul", [a, b]);
  div = (a: string, b: string) => this.op("Div", [a, b]);
  where = (cond: string, a: string, b: string) => this.op("Where", [cond, a, b]);
  isNaN = (x: string) => this.op("IsNaN", [x]);
  cast = (x: string, to: ElemType) => this.op("Cast", [x], { to: attr.int(CAST_TO[to]) });
  /** 1.0 where the condition holds, else 0.0 (double). */
  flag = (cond: string) => this.cast(cond, "double");
}

const CAST_TO: Record<ElemType, number> = { float: 1, int64: 7, string: 8, bool: 9, double: 11 };
