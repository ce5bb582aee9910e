/**
 * The WAT of the first layer's two products over a sparse batch (a network's input is mostly
 * zeros when it holds one-hot blocks), part of the dense module (denseWat.ts). The rows are
 * compressed once a fit: row r's non-zero inputs are entries start[r] .. start[r + 1], each a
 * value (f64 at vals) and its column's first element in the weights, k n (i32 at idx), in
 * increasing k. The batch is rows order[0 .. m) of that set, read in place (no copy a batch).
 * vals is a float64 element index into the memory; idx, start and order are int32 ones.
 *
 * Both kernels give the dense gemm's bits: every output is the same sum over the same non-zero
 * terms in the same order, from +0, one rounding per multiply and per add; a skipped term is
 * x W = ±0 (x = ±0, W finite), and adding ±0 leaves a sum that is never -0 (it starts at +0)
 * unchanged.
 */

/** Register blocks, in vectors of two columns: wide ones while they fit, then one vector. */
const WIDE = 8;

/**
 * The loop over row i's entries for `vecs` vectors (0: one scalar column) at column $j.
 * "nn": sums in registers, z[i][j..] = Σ x W[k][j..] + bias[j..]. "tn": the dz row's vectors in
 * registers, gw[k][j..] += x dz[i][j..] in memory (rows come in order, so each gw sum adds its
 * terms in row order, as the dense product does).
 */
function entries(variant: "nn" | "tn", vecs: number): string {
  const scalar = vecs === 0;
  const out: string[] = [];
  const vs = Array.from({ length: Math.max(vecs, 1) }, (_, v) => v);
  // $base: W (nn) or gw (tn) plus column j, in bytes.
  out.push(
    `(local.set $base (i32.add (local.get ${variant === "nn" ? "$w" : "$gw"}) (i32.shl (local.get $j) (i32.const 3))))`,
  );
  if (variant === "nn")
    for (const v of vs)
      out.push(scalar ? "(local.set $t0 (f64.const 0))" : `(local.set $s${v} (v128.const f64x2 0 0))`);
  else
    for (const v of vs)
      out.push(
        scalar
          ? "(local.set $y (f64.load (i32.add (local.get $prow) (i32.shl (local.get $j) (i32.const 3)))))"
          : `(local.set $s${v} (v128.load offset=${16 * v} (i32.add (local.get $prow) (i32.shl (local.get $j) (i32.const 3)))))`,
      );
  out.push("(local.set $pv (local.get $pv0))");
  out.push("(local.set $pi (local.get $pi0))");
  out.push("(block $done (loop $next");
  out.push("(br_if $done (i32.ge_u (local.get $pi) (local.get $pi1)))");
  out.push("(local.set $q (i32.add (local.get $base) (i32.shl (i32.load (local.get $pi)) (i32.const 3))))");
  if (scalar) {
    out.push("(local.set $xs (f64.load (local.get $pv)))");
    out.push(
      variant === "nn"
        ? "(local.set $t0 (f64.add (local.get $t0) (f64.mul (local.get $xs) (f64.load (local.get $q)))))"
        : "(f64.store (local.get $q) (f64.add (f64.load (local.get $q)) (f64.mul (local.get $xs) (local.get $y))))",
    );
  } else {
    out.push("(local.set $x (v128.load64_splat (local.get $pv)))");
    for (const v of vs)
      out.push(
        variant === "nn"
          ? `(local.set $s${v} (f64x2.add (local.get $s${v}) (f64x2.mul (local.get $x) (v128.load offset=${16 * v} (local.get $q)))))`
          : `(v128.store offset=${16 * v} (local.get $q) (f64x2.add (v128.load offset=${16 * v} (local.get $q)) (f64x2.mul (local.get $x) (local.get $s${v}))))`,
      );
  }
  out.push("(local.set $pv (i32.add (local.get $pv) (i32.const 8)))");
  out.push("(local.set $pi (i32.add (local.get $pi) (i32.const 4)))");
  out.push("(br $next)))");
  if (variant === "nn") {
    // z[i][j..] = sum + bias[j..], as the dense epilogue (mode 1).
    const at = "(i32.add (local.get $prow) (i32.shl (local.get $j) (i32.const 3)))";
    const bias = "(i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 3)))";
    for (const v of vs)
      out.push(
        scalar
          ? `(f64.store ${at} (f64.add (local.get $t0) (f64.load ${bias})))`
          : `(v128.store offset=${16 * v} ${at} (f64x2.add (local.get $s${v}) (v128.load offset=${16 * v} ${bias})))`,
      );
  }
  out.push(`(local.set $j (i32.add (local.get $j) (i32.const ${scalar ? 1 : 2 * vecs})))`);
  return out.join("\n");
}

/** Row i's column loop: wide blocks, then single vectors, then the odd column. */
function columns(variant: "nn" | "tn"): string {
  return [
    "(local.set $j (i32.const 0))",
    "(block $wide (loop $more",
    `(br_if $wide (i32.gt_u (i32.add (local.get $j) (i32.const ${2 * WIDE})) (local.get $n)))`,
    entries(variant, WIDE),
    "(br $more)))",
    "(block $narrow (loop $more1",
    "(br_if $narrow (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $n)))",
    entries(variant, 1),
    "(br $more1)))",
    `(if (i32.lt_u (local.get $j) (local.get $n)) (then ${entries(variant, 0)}))`,
  ].join("\n");
}

const LOCALS = [
  "(local $i i32) (local $j i32) (local $pv i32) (local $pi i32) (local $pv0 i32) (local $pi0 i32) (local $pi1 i32)",
  "(local $prow i32) (local $base i32) (local $q i32) (local $x v128) (local $xs f64) (local $y f64) (local $t0 f64)",
  Array.from({ length: WIDE }, (_, v) => `(local $s${v} v128)`).join(" "),
].join("\n");

/** The loop over the batch's rows (row i is the set's row order[i]); $prow is row i of z (nn) or of dz (tn), in bytes. */
function rows(variant: "nn" | "tn", body: string): string {
  return `(local.set $i (i32.const 0))
(block $rows (loop $row
(br_if $rows (i32.ge_u (local.get $i) (local.get $m)))
;; $q: row order[i]'s entry in start (bytes).
(local.set $q (i32.add (local.get $start) (i32.shl (i32.load (i32.add (local.get $order) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
(local.set $pi0 (i32.add (local.get $idx) (i32.shl (i32.load (local.get $q)) (i32.const 2))))
(local.set $pi1 (i32.add (local.get $idx) (i32.shl (i32.load offset=4 (local.get $q)) (i32.const 2))))
(local.set $pv0 (i32.add (local.get $vals) (i32.shl (i32.load (local.get $q)) (i32.const 3))))
(local.set $prow (i32.add (local.get ${variant === "nn" ? "$c" : "$dz"}) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 3))))
${body}
(local.set $i (i32.add (local.get $i) (i32.const 1)))
(br $row)))`;
}

const bytes = (...names: string[]) =>
  names.map((n) => `(local.set ${n} (i32.shl (local.get ${n}) (i32.const 3)))`).join("\n");
/** int32 element indices to byte offsets. */
const intBytes = (...names: string[]) =>
  names.map((n) => `(local.set ${n} (i32.shl (local.get ${n}) (i32.const 2)))`).join("\n");

/** z (m x n) = X W + bias, X the sparse batch (m rows), W (p x n) row-major. */
const SPARSE_NN = `(func (export "sparse_nn") (param $vals i32) (param $idx i32) (param $start i32) (param $order i32) (param $w i32) (param $c i32) (param $m i32) (param $n i32) (param $bias i32)
${LOCALS}
${bytes("$vals", "$w", "$c", "$bias")}
${intBytes("$idx", "$start", "$order")}
${rows("nn", columns("nn"))}
)`;

/**
 * gw (p x n) = Xᵀ dz + scale W, X the sparse batch (m rows), dz (m x n) row-major: gw from +0,
 * the rows' terms added in row order, then scale W added (the dense epilogue, mode 2).
 */
const SPARSE_TN = `(func (export "sparse_tn") (param $vals i32) (param $idx i32) (param $start i32) (param $order i32) (param $dz i32) (param $gw i32) (param $m i32) (param $n i32) (param $p i32) (param $w i32) (param $scale f64)
${LOCALS}
(local $o i32) (local $end i32) (local $scaleV v128)
${bytes("$vals", "$dz", "$gw", "$w")}
${intBytes("$idx", "$start", "$order")}
(local.set $end (i32.shl (i32.mul (local.get $p) (local.get $n)) (i32.const 3)))
(local.set $o (i32.const 0))
(block $zeroed (loop $zero
(br_if $zeroed (i32.ge_u (i32.add (local.get $o) (i32.const 16)) (i32.add (local.get $end) (i32.const 8))))
(v128.store (i32.add (local.get $gw) (local.get $o)) (v128.const f64x2 0 0))
(local.set $o (i32.add (local.get $o) (i32.const 16)))
(br $zero)))
(if (i32.lt_u (local.get $o) (local.get $end)) (then (f64.store (i32.add (local.get $gw) (local.get $o)) (f64.const 0))))
${rows("tn", columns("tn"))}
(local.set $scaleV (f64x2.splat (local.get $scale)))
(local.set $o (i32.const 0))
(block $added (loop $add
(br_if $added (i32.ge_u (i32.add (local.get $o) (i32.const 16)) (i32.add (local.get $end) (i32.const 8))))
(v128.store (i32.add (local.get $gw) (local.get $o)) (f64x2.add (v128.load (i32.add (local.get $gw) (local.get $o))) (f64x2.mul (local.get $scaleV) (v128.load (i32.add (local.get $w) (local.get $o))))))
(local.set $o (i32.add (local.get $o) (i32.const 16)))
(br $add)))
(if (i32.lt_u (local.get $o) (local.get $end)) (then (f64.store (i32.add (local.get $gw) (local.get $o)) (f64.add (f64.load (i32.add (local.get $gw) (local.get $o))) (f64.mul (local.get $scale) (f64.load (i32.add (local.get $w) (local.get $o))))))))
)`;

/** The two sparse kernels' functions, for the dense module. */
export function sparseWat(): string {
  return `${SPARSE_NN}\n${SPARSE_TN}`;
}
