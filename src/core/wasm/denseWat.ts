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

/** A loop over `size` elements two at a time, then the odd one; `body2` / `body1` see byte offset $o. */
function elementwise(body2: string, body1: string): string {
  return `(local.set $end (i32.shl (i32.and (local.get $size) (i32.const -2)) (i32.const 3)))
(local.set $o (i32.const 0))
(block $done (loop $next
(br_if $done (i32.ge_u (local.get $o) (local.get $end)))
${body2}
(local.set $o (i32.add (local.get $o) (i32.const 16)))
(br $next)))
(if (i32.and (local.get $size) (i32.const 1)) (then ${body1}))`;
}

const at = (ptr: string, T: "v128" | "f64") => `(${T}.load (i32.add (local.get ${ptr}) (local.get $o)))`;
const put = (ptr: string, T: "v128" | "f64", value: string) =>
  `(${T}.store (i32.add (local.get ${ptr}) (local.get $o)) ${value})`;
const bytes = (...names: string[]) =>
  names.map((n) => `(local.set ${n} (i32.shl (local.get ${n}) (i32.const 3)))`).join("\n");

/** h = max(z, 0), times the dropout mask where mask >= 0. */
const RELU = `(func (export "relu") (param $z i32) (param $h i32) (param $mask i32) (param $size i32)
(local $o i32) (local $end i32) (local $zero v128)
(if (i32.lt_s (local.get $mask) (i32.const 0)) (then
${bytes("$z", "$h")}
${elementwise(put("$h", "v128", `(f64x2.max ${at("$z", "v128")} (local.get $zero))`), put("$h", "f64", `(f64.max ${at("$z", "f64")} (f64.const 0))`))}
return))
${bytes("$z", "$h", "$mask")}
${elementwise(
  put("$h", "v128", `(f64x2.mul (f64x2.max ${at("$z", "v128")} (local.get $zero)) ${at("$mask", "v128")})`),
  put("$h", "f64", `(f64.mul (f64.max ${at("$z", "f64")} (f64.const 0)) ${at("$mask", "f64")})`),
)}
)`;

/** dx = (z > 0 ? dx : 0), times the dropout mask where mask >= 0. */
const RELU_GRAD = `(func (export "relu_grad") (param $dx i32) (param $z i32) (param $mask i32) (param $size i32)
(local $o i32) (local $end i32) (local $zero v128)
(if (i32.lt_s (local.get $mask) (i32.const 0)) (then
${bytes("$dx", "$z")}
${elementwise(
  put("$dx", "v128", `(v128.and ${at("$dx", "v128")} (f64x2.gt ${at("$z", "v128")} (local.get $zero)))`),
  put("$dx", "f64", `(select ${at("$dx", "f64")} (f64.const 0) (f64.gt ${at("$z", "f64")} (f64.const 0)))`),
)}
return))
${bytes("$dx", "$z", "$mask")}
${elementwise(
  put(
    "$dx",
    "v128",
    `(f64x2.mul (v128.and ${at("$dx", "v128")} (f64x2.gt ${at("$z", "v128")} (local.get $zero))) ${at("$mask", "v128")})`,
  ),
  put(
    "$dx",
    "f64",
    `(f64.mul (select ${at("$dx", "f64")} (f64.const 0) (f64.gt ${at("$z", "f64")} (f64.const 0))) ${at("$mask", "f64")})`,
  ),
)}
)`;

/**
 * A pass of column_sums over `vecs` vectors of two columns (0: one scalar column) from column $j:
 * every row's vectors added into registers, rows upwards (one pass reads each row's cache line once).
 */
function columnPass(vecs: number): string {
  const scalar = vecs === 0;
  const vs = Array.from({ length: Math.max(vecs, 1) }, (_, v) => v);
  return `(local.set $p (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
${vs.map((v) => (scalar ? "(local.set $t (f64.const 0))" : `(local.set $s${v} (v128.const f64x2 0 0))`)).join("\n")}
(local.set $r (local.get $rows))
(block $done (loop $next
(br_if $done (i32.eqz (local.get $r)))
${vs
  .map((v) =>
    scalar
      ? "(local.set $t (f64.add (local.get $t) (f64.load (local.get $p))))"
      : `(local.set $s${v} (f64x2.add (local.get $s${v}) (v128.load offset=${16 * v} (local.get $p))))`,
  )
  .join("\n")}
(local.set $p (i32.add (local.get $p) (local.get $row)))
(local.set $r (i32.sub (local.get $r) (i32.const 1)))
(br $next)))
${vs
  .map((v) =>
    scalar
      ? "(f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $t))"
      : `(v128.store offset=${16 * v} (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3))) (local.get $s${v}))`,
  )
  .join("\n")}
(local.set $j (i32.add (local.get $j) (i32.const ${scalar ? 1 : 2 * vecs})))`;
}

/** out[j] = sum over rows r of a[r][j], r upwards from +0: the bias gradient. Eight columns a pass, then two, then one. */
const COLUMN_SUMS = `(func (export "column_sums") (param $a i32) (param $out i32) (param $rows i32) (param $cols i32)
(local $j i32) (local $r i32) (local $p i32) (local $row i32) (local $t f64)
(local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
${bytes("$a", "$out")}
(local.set $row (i32.shl (local.get $cols) (i32.const 3)))
(local.set $j (i32.const 0))
(block $wide (loop $more
(br_if $wide (i32.gt_u (i32.add (local.get $j) (i32.const 8)) (local.get $cols)))
${columnPass(4)}
(br $more)))
(block $pairs (loop $pair
(br_if $pairs (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $cols)))
${columnPass(1)}
(br $pair)))
(if (i32.lt_u (local.get $j) (local.get $cols)) (then
${columnPass(0)}))
)`;

/**
 * tfjs' Adam step, element by element: m = b1 m + (1 - b1) g; v = b2 v + ((1 - b2) g) g;
 * w -= (lr (m / oma1)) / (sqrt(v / oma2) + eps), oma being one minus the accumulated betas
 * (with oma1 = 1, m / oma1 = m exactly, and that division is skipped).
 */
function adamBody(T: "v128" | "f64", divide1 = true): string {
  const f = T === "v128" ? "f64x2" : "f64";
  const c = (name: string) => `(local.get ${name}${T === "v128" ? "V" : ""})`;
  // m / a1 is m itself where a1 = 1 (once beta1's powers fall below 2^-54, after ~360 steps).
  const mHat = divide1 ? `(${f}.div (local.get $m${T}) ${c("$a1")})` : `(local.get $m${T})`;
  return `(local.set $g${T} ${at("$grad", T)})
(local.set $m${T} (${f}.add (${f}.mul ${c("$b1")} ${at("$m", T)}) (${f}.mul ${c("$c1")} (local.get $g${T}))))
(local.set $v${T} (${f}.add (${f}.mul ${c("$b2")} ${at("$v", T)}) (${f}.mul (${f}.mul ${c("$c2")} (local.get $g${T})) (local.get $g${T}))))
${put("$m", T, `(local.get $m${T})`)}
${put("$v", T, `(local.get $v${T})`)}
${put("$w", T, `(${f}.sub ${at("$w", T)} (${f}.div (${f}.mul ${c("$lr")} ${mHat}) (${f}.add (${f}.sqrt (${f}.div (local.get $v${T}) ${c("$a2")})) ${c("$eps")})))`)}`;
}

const ADAM = `(func (export "adam") (param $w i32) (param $grad i32) (param $m i32) (param $v i32) (param $size i32)
(param $lr f64) (param $b1 f64) (param $b2 f64) (param $a1 f64) (param $a2 f64) (param $eps f64)
(local $o i32) (local $end i32) (local $c1 f64) (local $c2 f64)
(local $lrV v128) (local $b1V v128) (local $b2V v128) (local $a1V v128) (local $a2V v128) (local $epsV v128) (local $c1V v128) (local $c2V v128)
(local $gv128 v128) (local $mv128 v128) (local $vv128 v128) (local $gf64 f64) (local $mf64 f64) (local $vf64 f64)
${bytes("$w", "$grad", "$m", "$v")}
(local.set $c1 (f64.sub (f64.const 1) (local.get $b1)))
(local.set $c2 (f64.sub (f64.const 1) (local.get $b2)))
${["lr", "b1", "b2", "a1", "a2", "eps", "c1", "c2"].map((n) => `(local.set $${n}V (f64x2.splat (local.get $${n})))`).join("\n")}
(if (f64.eq (local.get $a1) (f64.const 1)) (then
${elementwise(adamBody("v128", false), adamBody("f64", false))}
return))
${elementwise(adamBody("v128"), adamBody("f64"))}
)`;

/**
 * dst[i][j] = src[order[i]][j] as float64, for i < m and j < cols: rows of a float32 matrix (cols
 * wide) gathered in the given order into a float64 batch. src and order are float32 / int32
 * element indices, dst a float64 one.
 */
const GATHER_ROWS = `(func (export "gather_rows") (param $src i32) (param $cols i32) (param $order i32) (param $m i32) (param $dst i32)
(local $p i32) (local $end i32) (local $row i32) (local $stop i32)
(local.set $src (i32.shl (local.get $src) (i32.const 2)))
(local.set $order (i32.shl (local.get $order) (i32.const 2)))
(local.set $dst (i32.shl (local.get $dst) (i32.const 3)))
(local.set $row (i32.shl (local.get $cols) (i32.const 2)))
(local.set $stop (i32.add (local.get $order) (i32.shl (local.get $m) (i32.const 2))))
(block $rows (loop $next_row
(br_if $rows (i32.ge_u (local.get $order) (local.get $stop)))
(local.set $p (i32.add (local.get $src) (i32.mul (i32.load (local.get $order)) (local.get $row))))
(local.set $end (i32.add (local.get $p) (i32.and (local.get $row) (i32.const -8))))
(block $pairs (loop $next
(br_if $pairs (i32.ge_u (local.get $p) (local.get $end)))
(v128.store (local.get $dst) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
(local.set $p (i32.add (local.get $p) (i32.const 8)))
(local.set $dst (i32.add (local.get $dst) (i32.const 16)))
(br $next)))
(if (i32.and (local.get $cols) (i32.const 1)) (then
(f64.store (local.get $dst) (f64.promote_f32 (f32.load (local.get $p))))
(local.set $dst (i32.add (local.get $dst) (i32.const 8)))))
(local.set $order (i32.add (local.get $order) (i32.const 4)))
(br $next_row)))
)`;

/** mulberry32's increment, and its first four multiples (mod 2^32) for four draws at a time. */
const GOLDEN = 0x6d2b79f5;
const STEPS = [1, 2, 3, 4].map((k) => (k * GOLDEN) % 2 ** 32).join(" ");

/** mulberry32's output mix of the state vector $s (i32x4) into $u. */
const MIX4 = `(local.set $u (i32x4.mul (v128.xor (local.get $s) (i32x4.shr_u (local.get $s) (i32.const 15))) (v128.or (local.get $s) (i32x4.splat (i32.const 1)))))
(local.set $u (v128.xor (local.get $u) (i32x4.add (local.get $u) (i32x4.mul (v128.xor (local.get $u) (i32x4.shr_u (local.get $u) (i32.const 7))) (v128.or (local.get $u) (i32x4.splat (i32.const 61)))))))
(local.set $u (v128.xor (local.get $u) (i32x4.shr_u (local.get $u) (i32.const 14))))`;

/**
 * The mask test in integers: draw / 2^32 < keep (exact, in float64) holds for an integer draw
 * exactly when draw <= ceil(keep 2^32) - 1, which trunc_sat clamps to [0, 2^32 - 1] ($limV);
 * keep <= 0 keeps nothing ($keptV then +0). Cheaper than converting the draws to float64.
 */
const KEEP_SETUP = `(local.set $limV (i32x4.splat (i32.trunc_sat_f64_u (f64.sub (f64.ceil (f64.mul (local.get $keep) (f64.const 0x1p32))) (f64.const 1)))))
(local.set $keptV (f64x2.splat (select (local.get $kept) (f64.const 0) (f64.gt (local.get $keep) (f64.const 0)))))`;

/** The four draws in $u become their lanes' keep test: all ones where kept. */
const KEEP4 = "(local.set $u (i32x4.le_u (local.get $u) (local.get $limV)))";

/** Two mask values, kept or +0, from the keep tests (KEEP4) in $u's low (half 0) or high (half 1) lanes. */
const maskPair = (half: number) =>
  `(v128.and (local.get $keptV) (i64x2.extend_${half === 0 ? "low" : "high"}_i32x4_s (local.get $u)))`;

/**
 * Dropout mask from mulberry32 (random.ts' makeRng, whose state is `state`): mask[i] = kept where
 * the next uniform draw u = x / 2^32 is below keep, else 0. Returns the generator's new state. The
 * state only ever adds a constant, so four draws are mixed at once (i32x4), in stream order.
 */
const DROPOUT_MASK = `(func (export "dropout_mask") (param $mask i32) (param $size i32) (param $state i32) (param $keep f64) (param $kept f64) (result i32)
(local $end i32) (local $end4 i32) (local $t i32) (local $s v128) (local $u v128) (local $limV v128) (local $keptV v128)
(local.set $mask (i32.shl (local.get $mask) (i32.const 3)))
(local.set $end4 (i32.add (local.get $mask) (i32.shl (i32.and (local.get $size) (i32.const -4)) (i32.const 3))))
(local.set $end (i32.add (local.get $mask) (i32.shl (local.get $size) (i32.const 3))))
${KEEP_SETUP}
(block $done4 (loop $next4
(br_if $done4 (i32.ge_u (local.get $mask) (local.get $end4)))
(local.set $s (i32x4.add (i32x4.splat (local.get $state)) (v128.const i32x4 ${STEPS})))
(local.set $state (i32.add (local.get $state) (i32.const ${(4 * GOLDEN) % 2 ** 32})))
${MIX4}
${KEEP4}
(v128.store (local.get $mask) ${maskPair(0)})
(v128.store offset=16 (local.get $mask) ${maskPair(1)})
(local.set $mask (i32.add (local.get $mask) (i32.const 32)))
(br $next4)))
(block $done (loop $next
(br_if $done (i32.ge_u (local.get $mask) (local.get $end)))
(local.set $state (i32.add (local.get $state) (i32.const ${GOLDEN})))
(local.set $t (i32.mul (i32.xor (local.get $state) (i32.shr_u (local.get $state) (i32.const 15))) (i32.or (local.get $state) (i32.const 1))))
(local.set $t (i32.xor (local.get $t) (i32.add (local.get $t) (i32.mul (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7))) (i32.or (local.get $t) (i32.const 61))))))
(local.set $t (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14))))
(f64.store (local.get $mask) (select (local.get $kept) (f64.const 0) (f64.lt (f64.mul (f64.convert_i32_u (local.get $t)) (f64.const 0x1p-32)) (local.get $keep))))
(local.set $mask (i32.add (local.get $mask) (i32.const 8)))
(br $next)))
(local.get $state)
)`;

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
