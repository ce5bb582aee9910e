/**
 * The text (WAT) of the whole-node histogram kernels in WebAssembly, generated here so that the
 * unrolled loops are written once; the unit test tests/unit/core/models/gbdt/histWasmBytes.test.ts
 * assembles it with wabt and checks the committed bytes (histWasmBytes.ts) against it
 * (`npm run build:wasm` rewrites them, or the test with -u).
 *
 * The kernels are nodeHistogram.ts's one-channel loops (gradient, optional hessian, optional
 * count) over column-major bin codes, with the same additions in the same order, so the histograms
 * are the JS kernels' to the bit; WebAssembly has no bounds checks in the scatter, which is what
 * made the JS loop three times slower than scikit-learn's Cython one. Every argument is a byte
 * address in the exported memory. One layout of the codes only: a row-major copy (read a row at a
 * time by big nodes) doubled a fit's biggest region.
 */

/** The shape of a kernel: its rows through an index list or every row in order, hessian or count. */
interface Shape {
  name: string;
  indexed: boolean;
  hess: boolean;
  count: boolean;
}

/**
 * Big nodes and the root: a row at a time, every feature of the row, as the row-major kernels
 * were, on the column-major codes (feature f of row r at `codes + f * total + r`). Consecutive
 * rows read the same cache line of each column, so the lines of all the columns stay in cache;
 * and a feature's slot gets one addition per row with every other feature's in between, where a
 * pass per feature chains the additions of a low-cardinality feature's few slots (1.4-1.6x the
 * time at the root, measured at 600k x 54).
 */
const ACROSS_KERNELS: Shape[] = [
  { name: "big_g", indexed: true, hess: false, count: true },
  { name: "big_gh", indexed: true, hess: true, count: true },
  { name: "root_g", indexed: false, hess: false, count: false },
  { name: "root_gh", indexed: false, hess: true, count: false },
];

/** One feature's update: its code at `$at + $t<i>` (i columns on), its block start at `4 i` of the offsets. */
function acrossUpdate(k: Shape, i: number): string {
  const code = i === 0 ? "(local.get $at)" : `(i32.add (local.get $at) (local.get $t${i}))`;
  const out = [
    `(local.set $p (i32.add (local.get $hist) (i32.add (i32.load offset=${4 * i} (local.get $po)) (i32.mul (i32.load8_u ${code}) (i32.const 24)))))`,
    "(f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $gj)))",
  ];
  if (k.hess)
    out.push(
      "(f64.store offset=8 (local.get $p) (f64.add (f64.load offset=8 (local.get $p)) (local.get $hj)))",
    );
  if (k.count)
    out.push(
      "(f64.store offset=16 (local.get $p) (f64.add (f64.load offset=16 (local.get $p)) (f64.const 1)))",
    );
  return out.join("\n    ");
}

/**
 * (func $name (codes total cols rows n g h hist offs gg hh)): for j < n, row r = rows[j] (indexed)
 * or j; adds g[r] (and h[r], and 1) to the slot of each of the `cols` features whose columns start
 * at `codes + f * total` (cols fewer when threads share the features); `offs` holds each feature's
 * block start in bytes (i32), a histogram slot is 24 bytes (gradient, hessian, count as f64).
 * gg and hh are unused (the signature of the column kernels).
 */
function acrossKernel(k: Shape): string {
  const row = k.indexed
    ? "(i32.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2))))"
    : "(local.get $j)";
  return `(func (export "${k.name}") (param $codes i32) (param $total i32) (param $cols i32) (param $rows i32) (param $n i32)
  (param $g i32) (param $h i32) (param $hist i32) (param $offs i32) (param $gg i32) (param $hh i32)
  (local $j i32) (local $r i32) (local $at i32) (local $f i32) (local $p i32) (local $po i32)
  (local $cols4 i32) (local $gj f64) (local $hj f64) (local $t1 i32) (local $t2 i32) (local $t3 i32) (local $t4 i32)
  (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
  (local.set $t1 (local.get $total))
  (local.set $t2 (i32.shl (local.get $total) (i32.const 1)))
  (local.set $t3 (i32.add (local.get $t2) (local.get $total)))
  (local.set $t4 (i32.shl (local.get $total) (i32.const 2)))
  (block $done (loop $row
    (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
    (local.set $r ${row})
    (local.set $at (i32.add (local.get $codes) (local.get $r)))
    (local.set $gj (f64.load (i32.add (local.get $g) (i32.shl (local.get $r) (i32.const 3)))))
    ${k.hess ? "(local.set $hj (f64.load (i32.add (local.get $h) (i32.shl (local.get $r) (i32.const 3)))))" : ""}
    (local.set $f (i32.const 0))
    (local.set $po (local.get $offs))
    (block $fours (loop $four
      (br_if $fours (i32.ge_u (local.get $f) (local.get $cols4)))
    ${[0, 1, 2, 3].map((i) => acrossUpdate(k, i)).join("\n    ")}
      (local.set $f (i32.add (local.get $f) (i32.const 4)))
      (local.set $at (i32.add (local.get $at) (local.get $t4)))
      (local.set $po (i32.add (local.get $po) (i32.const 16)))
      (br $four)))
    (block $ones (loop $one
      (br_if $ones (i32.ge_u (local.get $f) (local.get $cols)))
    ${acrossUpdate(k, 0)}
      (local.set $f (i32.add (local.get $f) (i32.const 1)))
      (local.set $at (i32.add (local.get $at) (local.get $t1)))
      (local.set $po (i32.add (local.get $po) (i32.const 4)))
      (br $one)))
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (br $row))))`;
}

/**
 * (func $name (codes total cols rows n g h hist offs gg hh)): small nodes, the same sums from the
 * column-major codes one feature at a time, after gathering the rows' statistics into gg (and hh)
 * in order: for nodes with few rows spread over a big table, each feature's column and histogram
 * block stay in cache, where a row at a time costs a cache line per feature and row. Two features
 * share a pass over the rows (one read of the row's index and statistics, two independent chains
 * of additions).
 */
function columnKernel(hess: boolean): string {
  const stat = (to: string, from: string) =>
    `(f64.store (i32.add (local.get ${to}) (i32.shl (local.get $j) (i32.const 3))) (f64.load (i32.add (local.get ${from}) (i32.shl (local.get $r) (i32.const 3)))))`;
  const ordered = (at: string) =>
    `(f64.load (i32.add (local.get ${at}) (i32.shl (local.get $j) (i32.const 3))))`;
  // Feature q of the pass (0 or 1): its slot for row r, then the sums.
  const update = (q: number) =>
    [
      `(local.set $p${q} (i32.add (local.get $block${q}) (i32.mul (i32.load8_u (i32.add (local.get $col${q}) (local.get $r))) (i32.const 24))))`,
      `(f64.store (local.get $p${q}) (f64.add (f64.load (local.get $p${q})) (local.get $gj)))`,
      hess
        ? `(f64.store offset=8 (local.get $p${q}) (f64.add (f64.load offset=8 (local.get $p${q})) (local.get $hj)))`
        : "",
      `(f64.store offset=16 (local.get $p${q}) (f64.add (f64.load offset=16 (local.get $p${q})) (f64.const 1)))`,
    ].join("\n      ");
  const setup = (q: number) =>
    `(local.set $col${q} (i32.add (local.get $codes) (i32.mul (i32.add (local.get $f) (i32.const ${q})) (local.get $total))))
    (local.set $block${q} (i32.add (local.get $hist) (i32.load offset=${4 * q} (i32.add (local.get $offs) (i32.shl (local.get $f) (i32.const 2))))))`;
  // One pass over the rows for `width` features (two where there are two left, else one).
  const pass = (width: number, label: string) => `(block $${label}s (loop $${label}
    (br_if $${label}s (i32.gt_u (i32.add (local.get $f) (i32.const ${width})) (local.get $cols)))
    ${Array.from({ length: width }, (_, q) => setup(q)).join("\n    ")}
    (local.set $j (i32.const 0))
    (block $done (loop $row
      (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2)))))
      (local.set $gj ${ordered("$gg")})
      ${hess ? `(local.set $hj ${ordered("$hh")})` : ""}
      ${Array.from({ length: width }, (_, q) => update(q)).join("\n      ")}
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $row)))
    (local.set $f (i32.add (local.get $f) (i32.const ${width})))
    (br $${label})))`;
  return `(func (export "${hess ? "cols_gh" : "cols_g"}") (param $codes i32) (param $total i32) (param $cols i32)
  (param $rows i32) (param $n i32) (param $g i32) (param $h i32) (param $hist i32) (param $offs i32)
  (param $gg i32) (param $hh i32)
  (local $j i32) (local $r i32) (local $f i32) (local $p0 i32) (local $p1 i32) (local $col0 i32)
  (local $col1 i32) (local $block0 i32) (local $block1 i32) (local $gj f64) (local $hj f64)
  (block $gathered (loop $gather
    (br_if $gathered (i32.ge_u (local.get $j) (local.get $n)))
    (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $j) (i32.const 2)))))
    ${stat("$gg", "$g")}
    ${hess ? stat("$hh", "$h") : ""}
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (br $gather)))
  ${pass(2, "pair")}
  ${pass(1, "single")})`;
}

/**
 * (func partition (column rows start end buf bin missing missRight lowest) -> mid): grower.ts's
 * stable in-place partition of rows[start..end) on "code <= bin goes left" (the missing code goes
 * right when missRight is 1), branch-free; stores the lowest code sent right (or missing) at
 * `lowest` and returns where the right side starts.
 */
const PARTITION = `(func (export "partition") (param $column i32) (param $rows i32) (param $start i32) (param $end i32)
  (param $buf i32) (param $bin i32) (param $missing i32) (param $missRight i32) (param $lowest i32) (result i32)
  (local $k i32) (local $l i32) (local $r i32) (local $row i32) (local $c i32) (local $right i32) (local $low i32)
  (local $at i32) (local $cand i32)
  (local.set $k (local.get $start))
  (local.set $l (local.get $start))
  (local.set $low (local.get $missing))
  (block $done (loop $next
    (br_if $done (i32.ge_u (local.get $k) (local.get $end)))
    (local.set $row (i32.load (i32.add (local.get $rows) (i32.shl (local.get $k) (i32.const 2)))))
    (local.set $c (i32.load8_u (i32.add (local.get $column) (local.get $row))))
    (local.set $right (select (local.get $missRight)
      (i32.shr_u (i32.sub (local.get $bin) (local.get $c)) (i32.const 31))
      (i32.eq (local.get $c) (local.get $missing))))
    (i32.store (i32.add (local.get $rows) (i32.shl (local.get $l) (i32.const 2))) (local.get $row))
    (i32.store (i32.add (local.get $buf) (i32.shl (local.get $r) (i32.const 2))) (local.get $row))
    (local.set $l (i32.add (local.get $l) (i32.sub (i32.const 1) (local.get $right))))
    (local.set $r (i32.add (local.get $r) (local.get $right)))
    (local.set $cand (i32.add (local.get $c) (i32.shl (i32.sub (i32.const 1) (local.get $right)) (i32.const 8))))
    (local.set $low (select (local.get $cand) (local.get $low) (i32.lt_u (local.get $cand) (local.get $low))))
    (local.set $k (i32.add (local.get $k) (i32.const 1)))
    (br $next)))
  (local.set $k (i32.const 0))
  (local.set $at (i32.add (local.get $rows) (i32.shl (local.get $l) (i32.const 2))))
  (block $copied (loop $copy
    (br_if $copied (i32.ge_u (local.get $k) (local.get $r)))
    (i32.store (i32.add (local.get $at) (i32.shl (local.get $k) (i32.const 2)))
      (i32.load (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 2)))))
    (local.set $k (i32.add (local.get $k) (i32.const 1)))
    (br $copy)))
  (i32.store (local.get $lowest) (local.get $low))
  (local.get $l))`;

/**
 * (func bin_block (data n cols edges missing out)): binning.ts's `binOfPadded` for a block of n
 * row-major float64 rows: feature f's code of row k goes to byte `out + f * n + k`. `edges` holds
 * each feature's edges padded with +Infinity to 256 (2,048 bytes a feature), `missing` each
 * feature's missing code (i32), used for NaN. The eight halving steps are selects, not branches.
 */
const BIN_BLOCK = `(func (export "bin_block") (param $data i32) (param $n i32) (param $cols i32) (param $edges i32)
  (param $missing i32) (param $out i32)
  (local $k i32) (local $f i32) (local $v f64) (local $e i32) (local $pos i32) (local $miss i32) (local $o i32)
  (block $features (loop $feature
    (br_if $features (i32.ge_u (local.get $f) (local.get $cols)))
    (local.set $e (i32.add (local.get $edges) (i32.shl (local.get $f) (i32.const 11))))
    (local.set $miss (i32.load (i32.add (local.get $missing) (i32.shl (local.get $f) (i32.const 2)))))
    (local.set $o (i32.add (local.get $out) (i32.mul (local.get $f) (local.get $n))))
    (local.set $k (i32.const 0))
    (block $rows (loop $row
      (br_if $rows (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $v (f64.load (i32.add (local.get $data)
        (i32.shl (i32.add (i32.mul (local.get $k) (local.get $cols)) (local.get $f)) (i32.const 3)))))
      (local.set $pos (i32.const 0))
      ${[128, 64, 32, 16, 8, 4, 2, 1]
        .map(
          (s) =>
            `(local.set $pos (i32.add (local.get $pos) (select (i32.const ${s}) (i32.const 0)
        (f64.lt (f64.load offset=${(s - 1) * 8} (i32.add (local.get $e) (i32.shl (local.get $pos) (i32.const 3)))) (local.get $v)))))`,
        )
        .join("\n      ")}
      (i32.store8 (i32.add (local.get $o) (local.get $k))
        (select (local.get $miss) (local.get $pos) (f64.ne (local.get $v) (local.get $v))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $row)))
    (local.set $f (i32.add (local.get $f) (i32.const 1)))
    (br $feature))))`;

/** Rows predict_block walks side by side (a block's row count must be a multiple). */
export const PREDICT_LANES = 8;

const lanes = Array.from({ length: PREDICT_LANES }, (_, k) => k);

/** One step of lane k down its tree: to the left or right child (a leaf stays). */
const laneStep = (k: number) => `
        (local.set $v${k} (f64.load (i32.add (local.get $row${k}) (i32.shl (i32.load offset=8 (local.get $a${k})) (i32.const 3)))))
        (local.set $a${k} (select (i32.load offset=12 (local.get $a${k})) (i32.load offset=16 (local.get $a${k}))
          (i32.or (f64.le (local.get $v${k}) (f64.load (local.get $a${k})))
            (i32.and (f64.ne (local.get $v${k}) (local.get $v${k})) (i32.load offset=20 (local.get $a${k}))))))`;

/** Lane k's leaf value added to its row's output c. */
const laneAdd = (k: number) => `
      (local.set $at (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $dim) (i32.const ${k})) (local.get $c)) (i32.const 3))))
      (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (f64.load (local.get $a${k}))))`;

/**
 * (func predict_block (data n cols roots depths trees dim raw)): gbdt's raw scores for a
 * block of n row-major float64 rows (n a multiple of PREDICT_LANES): tree t's leaf value is added to
 * raw[r * dim + t % dim], trees in order for each row (the same additions in the same order as a
 * tree at a time). A node is 24 bytes: f64 threshold (a leaf's value at a leaf), i32 feature,
 * i32 left, i32 right (byte addresses of the children), i32 missingLeft; a leaf is its own left
 * and right child (feature 0), so every row of a tree takes the same number of steps, the tree's
 * depth (`depths`, i32 each; `roots`: each tree's root address). With no exit to predict, the lanes' rows
 * walk a tree side by side and their loads overlap, where one row's walk waited on each load.
 */
const PREDICT_BLOCK = `(func (export "predict_block") (param $data i32) (param $n i32) (param $cols i32) (param $roots i32)
  (param $depths i32) (param $trees i32) (param $dim i32) (param $raw i32)
  (local $r i32) (local $t i32) (local $c i32) (local $s i32) (local $d i32) (local $root i32) (local $out i32)
  (local $at i32) (local $stride i32)
  ${lanes.map((k) => `(local $a${k} i32) (local $row${k} i32) (local $v${k} f64)`).join(" ")}
  (local.set $stride (i32.shl (local.get $cols) (i32.const 3)))
  (block $rows (loop $row_loop
    (br_if $rows (i32.ge_u (local.get $r) (local.get $n)))
    (local.set $row0 (i32.add (local.get $data) (i32.mul (local.get $r) (local.get $stride))))
    ${lanes
      .slice(1)
      .map((k) => `(local.set $row${k} (i32.add (local.get $row${k - 1}) (local.get $stride)))`)
      .join("\n    ")}
    (local.set $out (i32.add (local.get $raw) (i32.shl (i32.mul (local.get $r) (local.get $dim)) (i32.const 3))))
    (local.set $t (i32.const 0))
    (local.set $c (i32.const 0))
    (block $trees_done (loop $tree
      (br_if $trees_done (i32.ge_u (local.get $t) (local.get $trees)))
      (local.set $root (i32.load (i32.add (local.get $roots) (i32.shl (local.get $t) (i32.const 2)))))
      (local.set $d (i32.load (i32.add (local.get $depths) (i32.shl (local.get $t) (i32.const 2)))))
      ${lanes.map((k) => `(local.set $a${k} (local.get $root))`).join(" ")}
      (local.set $s (i32.const 0))
      (block $walked (loop $walk
        (br_if $walked (i32.ge_u (local.get $s) (local.get $d)))${lanes.map(laneStep).join("")}
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $walk)))${lanes.map(laneAdd).join("")}
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (if (i32.eq (local.get $c) (local.get $dim)) (then (local.set $c (i32.const 0))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (br $tree)))
    (local.set $r (i32.add (local.get $r) (i32.const ${PREDICT_LANES})))
    (br $row_loop))))`;

/**
 * The module: one memory (grown by the host), the histogram kernels (column-major codes), the
 * partition, binning and prediction. `shared`: the memory is imported and shared (env.memory, at most 4 GiB), so that
 * threads holding the same memory build parts of one histogram (see histHelp.ts); else the module
 * makes its own, which needs no SharedArrayBuffer (a page without cross-origin isolation).
 */
export function histWat(shared = false): string {
  const memory = shared ? '(import "env" "memory" (memory 1 65536 shared))' : '(memory (export "memory") 1)';
  return `(module
${memory}
${ACROSS_KERNELS.map(acrossKernel).join("\n")}
${columnKernel(false)}
${columnKernel(true)}
${PARTITION}
${BIN_BLOCK}
${PREDICT_BLOCK}
)
`;
}
