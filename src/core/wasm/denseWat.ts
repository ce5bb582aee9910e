/**
 * The text (WAT) of the dense float64 kernels in WebAssembly SIMD, generated here so that the
 * register-blocked loops are written once; the unit test tests/unit/core/wasm/denseWasmBytes.test.ts
 * assembles it with wabt and checks the committed bytes (denseWasmBytes.ts) against it
 * (`npm run build:wasm` rewrites them).
 *
 * Every kernel takes float64 element indices into the exported memory (not byte offsets) and
 * keeps the summation order of a plain loop: products are vectorised across output columns, two
 * lanes each, and every lane sums over k from 0 upwards starting at +0, one rounding per multiply
 * and per add (WebAssembly has no fused multiply-add), so results are bit for bit those of the JS
 * kernels in denseJs.ts.
 */

import { DROPOUT_MASK, GOLDEN, KEEP_SETUP, KEEP4, MIX4, maskPair, STEPS } from "./dropoutWat.ts";
import { ADAM, bytes, COLUMN_SUMS, GATHER_ROWS, RELU, RELU_GRAD } from "./elementwiseWat.ts";
import { sparseWat } from "./sparseWat.ts";

/** Rows of C per register block; with two vectors (four columns) that is eight accumulators. */
const ROWS = 4;

type Variant = "nn" | "tn";

/**
 * What a product does with its sums: "modes" the runtime epilogue of `mode` (gemm); "relu" a
 * hidden layer's forward pass, z = S + bias, then h = max(z, 0), times a dropout mask drawn in
 * place when $masked; "drelu" the backward pass into a hidden layer, dz = (z > 0 ? S : 0), times
 * its mask when $masked.
 */
type Epilogue = "modes" | "relu" | "drelu";

/** One block of `rows` rows by `vecs` vectors of two columns (vecs 0: one scalar column). */
function block(variant: Variant, rows: number, vecs: number, epilogue: Epilogue = "modes"): string {
  const out: string[] = [];
  const scalar = vecs === 0;
  const width = scalar ? 1 : 2 * vecs;
  // A's first row of the block: row-major (nn) rows are p apart, transposed (tn) ones adjacent.
  out.push(
    variant === "nn"
      ? "(local.set $pa (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowA))))"
      : "(local.set $pa (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))))",
  );
  if (variant === "nn")
    for (let r = 1; r < rows; r++)
      out.push(`(local.set $pa${r} (i32.add (local.get $pa) (i32.mul (i32.const ${r}) (local.get $rowA))))`);
  out.push("(local.set $pb (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3))))");
  for (let r = 0; r < rows; r++)
    for (let v = 0; v < Math.max(vecs, 1); v++)
      out.push(scalar ? `(local.set $t${r} (f64.const 0))` : `(local.set $s${r}${v} (v128.const f64x2 0 0))`);
  out.push("(local.set $k (local.get $p))");
  out.push("(block $done (loop $next");
  out.push("(br_if $done (i32.eqz (local.get $k)))");
  for (let v = 0; v < vecs; v++) out.push(`(local.set $b${v} (v128.load offset=${16 * v} (local.get $pb)))`);
  if (scalar) out.push("(local.set $y (f64.load (local.get $pb)))");
  for (let r = 0; r < rows; r++) {
    const addr =
      variant === "nn" ? `(local.get ${r === 0 ? "$pa" : `$pa${r}`})` : `offset=${8 * r} (local.get $pa)`;
    if (scalar) {
      out.push(`(local.set $t${r} (f64.add (local.get $t${r}) (f64.mul (f64.load ${addr}) (local.get $y))))`);
      continue;
    }
    out.push(`(local.set $x (v128.load64_splat ${addr}))`);
    for (let v = 0; v < vecs; v++)
      out.push(
        `(local.set $s${r}${v} (f64x2.add (local.get $s${r}${v}) (f64x2.mul (local.get $x) (local.get $b${v}))))`,
      );
  }
  out.push("(local.set $pa (i32.add (local.get $pa) (local.get $stepA)))");
  if (variant === "nn")
    for (let r = 1; r < rows; r++)
      out.push(`(local.set $pa${r} (i32.add (local.get $pa${r}) (local.get $stepA)))`);
  out.push("(local.set $pb (i32.add (local.get $pb) (local.get $rowB)))");
  out.push("(local.set $k (i32.sub (local.get $k) (i32.const 1)))");
  out.push("(br $next)))");
  // Epilogue: C = S, S + bias[j] (mode 1) or S + scale * extra[i][j] (mode 2).
  for (let r = 0; r < rows; r++) {
    out.push(
      `(local.set $pc (i32.shl (i32.add (i32.mul (i32.add (local.get $i) (i32.const ${r})) (local.get $n)) (local.get $j)) (i32.const 3)))`,
    );
    if (epilogue === "relu") {
      out.push(reluStores(r, vecs));
      continue;
    }
    if (epilogue === "drelu") {
      out.push(dreluStores(r, vecs));
      continue;
    }
    for (let v = 0; v < Math.max(vecs, 1); v++) {
      const o = scalar ? 0 : 16 * v;
      const s = scalar ? `(local.get $t${r})` : `(local.get $s${r}${v})`;
      const T = scalar ? "f64" : "v128";
      const add = scalar ? "f64.add" : "f64x2.add";
      const mul = scalar ? "f64.mul" : "f64x2.mul";
      const scale = scalar ? "(local.get $scale)" : "(local.get $scaleV)";
      const bias = `(${T}.load offset=${o} (i32.add (local.get $extra) (i32.shl (local.get $j) (i32.const 3))))`;
      const term = `(${T}.load offset=${o} (i32.add (local.get $extra) (local.get $pc)))`;
      out.push(
        `(${T}.store offset=${o} (i32.add (local.get $c) (local.get $pc)) (if (result ${T}) (i32.eq (local.get $mode) (i32.const 1)) (then (${add} ${s} ${bias})) (else (if (result ${T}) (i32.eq (local.get $mode) (i32.const 2)) (then (${add} ${s} (${mul} ${scale} ${term}))) (else ${s})))))`,
      );
    }
  }
  out.push(`(local.set $j (i32.add (local.get $j) (i32.const ${width})))`);
  return out.join("\n");
}

/** The column loop for a band of `rows` rows: four columns at a time, then two, then one. */
function band(variant: Variant, rows: number, epilogue: Epilogue): string {
  return [
    "(local.set $j (i32.const 0))",
    "(block $wide (loop $more",
    "(br_if $wide (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))",
    block(variant, rows, 2, epilogue),
    "(br $more)))",
    `(if (i32.le_u (i32.add (local.get $j) (i32.const 2)) (local.get $n)) (then ${block(variant, rows, 1, epilogue)}))`,
    `(if (i32.lt_u (local.get $j) (local.get $n)) (then ${block(variant, rows, 0, epilogue)}))`,
  ].join("\n");
}

/** The sums of row r of a block ($t for the scalar column, else one per vector). */
const sums = (r: number, vecs: number) =>
  vecs === 0 ? ["(local.get $t" + r + ")"] : Array.from({ length: vecs }, (_, v) => `(local.get $s${r}${v})`);

/**
 * Row r of a "relu" block: z = S + bias, stored; h = max(z, 0) stored, times the dropout mask
 * when $masked. The mask's draws are mulberry32's, whose state only ever adds a constant: element
 * e of the m x n output takes the draw from state + (e + 1) golden, the same value as the e-th
 * draw of dropout_mask from that state, so the masks are those of a separate pass, in any order.
 */
function reluStores(r: number, vecs: number): string {
  const scalar = vecs === 0;
  const T = scalar ? "f64" : "v128";
  const S = sums(r, vecs);
  const z = scalar ? "$zf" : "$zv";
  const zero = scalar ? "(f64.const 0)" : "(local.get $zero)";
  const max = scalar ? "f64.max" : "f64x2.max";
  const at = (ptr: string, v: number) => `offset=${16 * v} (i32.add (local.get ${ptr}) (local.get $pc))`;
  const zOf = (v: number) =>
    `(local.set ${z} (${scalar ? "f64.add" : "f64x2.add"} ${S[v]} (${T}.load offset=${16 * v} (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3))))))`;
  const masked: string[] = [
    `(local.set $s (i32x4.add (i32x4.splat (i32.add (local.get $state) (i32.mul (i32.shr_u (local.get $pc) (i32.const 3)) (i32.const ${GOLDEN})))) (v128.const i32x4 ${STEPS})))`,
    MIX4,
    KEEP4,
  ];
  const plain: string[] = [];
  S.forEach((_, v) => {
    const pair = maskPair(v);
    const mk = scalar ? `(f64x2.extract_lane 0 ${pair})` : pair;
    masked.push(
      zOf(v),
      `(${T}.store ${at("$c", v)} (local.get ${z}))`,
      `(local.set ${scalar ? "$mf" : "$mv"} ${mk})`,
      `(${T}.store ${at("$mask", v)} (local.get ${scalar ? "$mf" : "$mv"}))`,
      `(${T}.store ${at("$h", v)} (${scalar ? "f64.mul" : "f64x2.mul"} (${max} (local.get ${z}) ${zero}) (local.get ${scalar ? "$mf" : "$mv"})))`,
    );
    plain.push(
      zOf(v),
      `(${T}.store ${at("$c", v)} (local.get ${z}))`,
      `(${T}.store ${at("$h", v)} (${max} (local.get ${z}) ${zero}))`,
    );
  });
  return `(if (local.get $masked) (then ${masked.join("\n")}) (else ${plain.join("\n")}))`;
}

/** Row r of a "drelu" block: dz = (z > 0 ? S : 0), times the mask when $masked (relu_grad's arithmetic). */
function dreluStores(r: number, vecs: number): string {
  const scalar = vecs === 0;
  const T = scalar ? "f64" : "v128";
  const at = (ptr: string, v: number) => `offset=${16 * v} (i32.add (local.get ${ptr}) (local.get $pc))`;
  const masked: string[] = [];
  const plain: string[] = [];
  sums(r, vecs).forEach((S, v) => {
    const d = scalar
      ? `(select ${S} (f64.const 0) (f64.gt (f64.load ${at("$z", v)}) (f64.const 0)))`
      : `(v128.and ${S} (f64x2.gt (v128.load ${at("$z", v)}) (local.get $zero)))`;
    masked.push(
      `(${T}.store ${at("$c", v)} (${scalar ? "f64.mul" : "f64x2.mul"} ${d} (${T}.load ${at("$mask", v)})))`,
    );
    plain.push(`(${T}.store ${at("$c", v)} ${d})`);
  });
  return `(if (local.get $masked) (then ${masked.join("\n")}) (else ${plain.join("\n")}))`;
}

/**
 * C (m x n) = A B with B (p x n) row-major; A is m x p row-major ("nn") or p x m row-major, used
 * transposed ("tn"). "modes" (gemm_nn, gemm_tn): mode 0: C = A B; 1: plus the row vector extra
 * (a bias); 2: plus scale times the m x n matrix extra (an L2 term). "relu" (gemm_nn_relu, a
 * hidden layer forward): C = z = A B + bias, h = max(z, 0), times a dropout mask drawn into `mask`
 * from the mulberry32 state `state` unless mask is -1; returns the state after m n draws (or
 * `state`). "drelu" (gemm_nn_drelu, the backward pass into a hidden layer): C = (z > 0 ? A B : 0),
 * times `mask` unless it is -1. Every value is the bits of gemm followed by dropout_mask, relu or
 * relu_grad.
 */
function gemm(variant: Variant, epilogue: Epilogue = "modes"): string {
  const locals = [
    "(local $i i32) (local $j i32) (local $k i32) (local $pa i32) (local $pb i32) (local $pc i32)",
    "(local $rowA i32) (local $stepA i32) (local $rowB i32) (local $x v128) (local $y f64) (local $scaleV v128)",
    ...Array.from({ length: ROWS - 1 }, (_, r) => `(local $pa${r + 1} i32)`),
    ...Array.from({ length: ROWS }, (_, r) => `(local $t${r} f64) (local $s${r}0 v128) (local $s${r}1 v128)`),
    "(local $b0 v128) (local $b1 v128)",
  ];
  const name = epilogue === "modes" ? `gemm_${variant}` : `gemm_${variant}_${epilogue}`;
  let params = "(param $mode i32) (param $extra i32) (param $scale f64)";
  let prologue = `(local.set $extra (i32.shl (local.get $extra) (i32.const 3)))
(local.set $scaleV (f64x2.splat (local.get $scale)))`;
  const result = "";
  let tail = "";
  if (epilogue === "relu") {
    params =
      "(param $bias i32) (param $h i32) (param $mask i32) (param $state i32) (param $keep f64) (param $kept f64) (result i32)";
    locals.push(
      "(local $masked i32) (local $zero v128) (local $zv v128) (local $zf f64) (local $mv v128) (local $mf f64)",
      "(local $s v128) (local $u v128) (local $limV v128) (local $keptV v128)",
    );
    prologue = `(local.set $masked (i32.ge_s (local.get $mask) (i32.const 0)))
${bytes("$bias", "$h", "$mask")}
${KEEP_SETUP}`;
    tail = `(if (result i32) (local.get $masked) (then (i32.add (local.get $state) (i32.mul (i32.mul (local.get $m) (local.get $n)) (i32.const ${GOLDEN})))) (else (local.get $state)))`;
  } else if (epilogue === "drelu") {
    params = "(param $z i32) (param $mask i32)";
    locals.push("(local $masked i32) (local $zero v128)");
    prologue = `(local.set $masked (i32.ge_s (local.get $mask) (i32.const 0)))
${bytes("$z", "$mask")}`;
  }
  return `(func (export "${name}") (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $n i32) (param $p i32) ${params}${result}
${locals.join("\n")}
(local.set $a (i32.shl (local.get $a) (i32.const 3)))
(local.set $b (i32.shl (local.get $b) (i32.const 3)))
(local.set $c (i32.shl (local.get $c) (i32.const 3)))
${prologue}
(local.set $rowB (i32.shl (local.get $n) (i32.const 3)))
${
  variant === "nn"
    ? "(local.set $rowA (i32.shl (local.get $p) (i32.const 3))) (local.set $stepA (i32.const 8))"
    : "(local.set $rowA (i32.const 8)) (local.set $stepA (i32.shl (local.get $m) (i32.const 3)))"
}
(local.set $i (i32.const 0))
(block $bands (loop $band
(br_if $bands (i32.gt_u (i32.add (local.get $i) (i32.const ${ROWS})) (local.get $m)))
${band(variant, ROWS, epilogue)}
(local.set $i (i32.add (local.get $i) (i32.const ${ROWS})))
(br $band)))
(block $rest (loop $row
(br_if $rest (i32.ge_u (local.get $i) (local.get $m)))
${band(variant, 1, epilogue)}
(local.set $i (i32.add (local.get $i) (i32.const 1)))
(br $row)))
${tail}
)`;
}

/** The whole module: one exported memory (grown by the caller) and the kernels. */
export function denseWat(): string {
  return `(module
(memory (export "memory") 1)
${gemm("nn")}
${gemm("tn")}
${gemm("nn", "relu")}
${gemm("nn", "drelu")}
${RELU}
${RELU_GRAD}
${COLUMN_SUMS}
${ADAM}
${DROPOUT_MASK}
${GATHER_ROWS}
${sparseWat()}
)
`;
}
