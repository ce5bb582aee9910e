/**
 * The WAT of the dense module's element-wise kernels (denseWat.ts): relu, relu_grad,
 * column_sums, adam, gather_rows, and the loop helpers they share. Moved out of denseWat.ts as is.
 */

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
export const bytes = (...names: string[]) =>
  names.map((n) => `(local.set ${n} (i32.shl (local.get ${n}) (i32.const 3)))`).join("\n");

/** h = max(z, 0), times the dropout mask where mask >= 0. */
export const RELU = `(func (export "relu") (param $z i32) (param $h i32) (param $mask i32) (param $size i32)
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
export const RELU_GRAD = `(func (export "relu_grad") (param $dx i32) (param $z i32) (param $mask i32) (param $size i32)
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
export const COLUMN_SUMS = `(func (export "column_sums") (param $a i32) (param $out i32) (param $rows i32) (param $cols i32)
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

export const ADAM = `(func (export "adam") (param $w i32) (param $grad i32) (param $m i32) (param $v i32) (param $size i32)
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
export const GATHER_ROWS = `(func (export "gather_rows") (param $src i32) (param $cols i32) (param $order i32) (param $m i32) (param $dst i32)
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
