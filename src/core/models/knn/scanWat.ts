/**
 * The text (WAT) of kNN's fused shortlist kernel in WebAssembly SIMD; the unit test
 * tests/unit/core/models/knn/scanWasmBytes.test.ts assembles it with wabt and checks the
 * committed bytes (scanWasmBytes.ts) against it (`vitest run ... scanWasmBytes.test.ts -u`).
 *
 * `scan` does, for a block of training rows and a chunk of queries, what DotShortlist's JS did
 * in two passes over every query–row pair: the dense part of the dot product x·q (added to the
 * sparse part already scattered into `dots`), the expanded distance D = (‖x‖² + ‖q‖²) − 2 x·q,
 * and the shortlist's first test, D − widest > limit. Only rows that pass come back (row, D), in
 * increasing row order per query, so the JS scan sees candidates instead of every row. `dots` is
 * left zero over the block, ready for the next chunk's sparse scatter.
 *
 * Layout (element indices, float64 unless said): xt, the dense training part transposed
 * (nd x stride, rows padded with zeros to a multiple of 4); norms (stride); q, the chunk's dense
 * query values (c x nd); dots (c x stride); nq, widest, limit (c each); cand (int32) and candD
 * (c x cap each); counts (int32, c). Rows r0 .. r1 (multiples of 4) go in tiles of `tile` rows
 * (a multiple of 4), and within a tile four at a time, for queries four at a time, then one at a
 * time: the tile's part of xt stays in cache while every query of the chunk meets it.
 */

/** Queries per register block of the first pass; the rest go one at a time. */
const GROUP = 4;

/**
 * The loop over the tile's rows t0 .. t1 for the `n` queries from slot $b (n = GROUP or 1),
 * appending to their candidates (counts kept in memory between tiles).
 */
function group(n: number): string {
  const out: string[] = [];
  const slot = (i: number) => `(i32.add (local.get $b) (i32.const ${i}))`;
  for (let i = 0; i < n; i++) {
    out.push(
      `(local.set $nq${i} (v128.load64_splat (i32.add (local.get $nq) (i32.shl ${slot(i)} (i32.const 3)))))`,
    );
    out.push(
      `(local.set $w${i} (v128.load64_splat (i32.add (local.get $widest) (i32.shl ${slot(i)} (i32.const 3)))))`,
    );
    out.push(
      `(local.set $l${i} (v128.load64_splat (i32.add (local.get $limit) (i32.shl ${slot(i)} (i32.const 3)))))`,
    );
    out.push(
      `(local.set $n${i} (i32.load (i32.add (local.get $counts) (i32.shl ${slot(i)} (i32.const 2)))))`,
    );
    // Query i's dots row and its first candidate slot.
    out.push(
      `(local.set $pd${i} (i32.add (local.get $dots) (i32.shl (i32.mul ${slot(i)} (local.get $stride)) (i32.const 3))))`,
    );
    out.push(`(local.set $base${i} (i32.mul ${slot(i)} (local.get $cap)))`);
  }
  out.push("(local.set $r (local.get $t0))");
  out.push("(block $rowsDone (loop $rows");
  out.push("(br_if $rowsDone (i32.ge_u (local.get $r) (local.get $t1)))");
  out.push("(local.set $ro (i32.shl (local.get $r) (i32.const 3)))");
  for (let i = 0; i < n; i++) {
    out.push(`(local.set $a${i}0 (v128.load (i32.add (local.get $pd${i}) (local.get $ro))))`);
    out.push(`(local.set $a${i}1 (v128.load offset=16 (i32.add (local.get $pd${i}) (local.get $ro))))`);
    out.push(`(v128.store (i32.add (local.get $pd${i}) (local.get $ro)) (v128.const i64x2 0 0))`);
    out.push(`(v128.store offset=16 (i32.add (local.get $pd${i}) (local.get $ro)) (v128.const i64x2 0 0))`);
    out.push(
      `(local.set $pq${i} (i32.add (local.get $q) (i32.shl (i32.mul ${slot(i)} (local.get $nd)) (i32.const 3))))`,
    );
  }
  out.push("(local.set $px (i32.add (local.get $xt) (local.get $ro)))");
  out.push("(local.set $k (local.get $nd))");
  out.push("(block $dimsDone (loop $dims");
  out.push("(br_if $dimsDone (i32.eqz (local.get $k)))");
  out.push("(local.set $x0 (v128.load (local.get $px)))");
  out.push("(local.set $x1 (v128.load offset=16 (local.get $px)))");
  for (let i = 0; i < n; i++) {
    out.push(`(local.set $s (v128.load64_splat (local.get $pq${i})))`);
    out.push(
      `(local.set $a${i}0 (f64x2.add (local.get $a${i}0) (f64x2.mul (local.get $s) (local.get $x0))))`,
    );
    out.push(
      `(local.set $a${i}1 (f64x2.add (local.get $a${i}1) (f64x2.mul (local.get $s) (local.get $x1))))`,
    );
    out.push(`(local.set $pq${i} (i32.add (local.get $pq${i}) (i32.const 8)))`);
  }
  out.push("(local.set $px (i32.add (local.get $px) (local.get $rowBytes)))");
  out.push("(local.set $k (i32.sub (local.get $k) (i32.const 1)))");
  out.push("(br $dims)))");
  out.push("(local.set $m0 (v128.load (i32.add (local.get $norms) (local.get $ro))))");
  out.push("(local.set $m1 (v128.load offset=16 (i32.add (local.get $norms) (local.get $ro))))");
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < 2; v++) {
      // D as the JS scan computes it from the same dot: (norm + nq) - 2 dot, 2 dot exact.
      out.push(
        `(local.set $d (f64x2.sub (f64x2.add (local.get $m${v}) (local.get $nq${i})) (f64x2.add (local.get $a${i}${v}) (local.get $a${i}${v}))))`,
      );
      out.push(
        `(local.set $fail (f64x2.gt (f64x2.sub (local.get $d) (local.get $w${i})) (local.get $l${i})))`,
      );
      const append = (lane: number) =>
        `(if (i64.eqz (i64x2.extract_lane ${lane} (local.get $fail))) (then ` +
        `(local.set $e (i32.add (local.get $base${i}) (local.get $n${i})))` +
        `(i32.store (i32.add (local.get $cand) (i32.shl (local.get $e) (i32.const 2))) (i32.add (local.get $r) (i32.const ${2 * v + lane})))` +
        `(f64.store (i32.add (local.get $candD) (i32.shl (local.get $e) (i32.const 3))) (f64x2.extract_lane ${lane} (local.get $d)))` +
        `(local.set $n${i} (i32.add (local.get $n${i}) (i32.const 1)))))`;
      out.push(`(if (i32.eqz (i64x2.all_true (local.get $fail))) (then ${append(0)} ${append(1)}))`);
    }
  }
  out.push("(local.set $r (i32.add (local.get $r) (i32.const 4)))");
  out.push("(br $rows)))");
  for (let i = 0; i < n; i++)
    out.push(
      `(i32.store (i32.add (local.get $counts) (i32.shl ${slot(i)} (i32.const 2))) (local.get $n${i}))`,
    );
  return out.join("\n");
}

/** The module's text: one exported memory and `scan`. */
export function scanWat(): string {
  const locals: string[] = [];
  for (let i = 0; i < GROUP; i++)
    locals.push(
      `(local $nq${i} v128) (local $w${i} v128) (local $l${i} v128) (local $a${i}0 v128) (local $a${i}1 v128)`,
      `(local $n${i} i32) (local $pd${i} i32) (local $pq${i} i32) (local $base${i} i32)`,
    );
  return `(module
(memory (export "memory") 1)
(func (export "scan")
  (param $xt i32) (param $norms i32) (param $q i32) (param $dots i32) (param $nq i32)
  (param $widest i32) (param $limit i32) (param $cand i32) (param $candD i32) (param $counts i32)
  (param $stride i32) (param $nd i32) (param $c i32) (param $r0 i32) (param $r1 i32) (param $cap i32)
  (param $tile i32)
  (local $t0 i32) (local $t1 i32) (local $b i32) (local $r i32) (local $ro i32) (local $k i32) (local $px i32) (local $e i32)
  (local $rowBytes i32) (local $x0 v128) (local $x1 v128) (local $s v128) (local $m0 v128)
  (local $m1 v128) (local $d v128) (local $fail v128)
  ${locals.join("\n  ")}
  (local.set $xt (i32.shl (local.get $xt) (i32.const 3)))
  (local.set $norms (i32.shl (local.get $norms) (i32.const 3)))
  (local.set $q (i32.shl (local.get $q) (i32.const 3)))
  (local.set $dots (i32.shl (local.get $dots) (i32.const 3)))
  (local.set $nq (i32.shl (local.get $nq) (i32.const 3)))
  (local.set $widest (i32.shl (local.get $widest) (i32.const 3)))
  (local.set $limit (i32.shl (local.get $limit) (i32.const 3)))
  (local.set $cand (i32.shl (local.get $cand) (i32.const 2)))
  (local.set $candD (i32.shl (local.get $candD) (i32.const 3)))
  (local.set $counts (i32.shl (local.get $counts) (i32.const 2)))
  (local.set $rowBytes (i32.shl (local.get $stride) (i32.const 3)))
  (local.set $b (i32.const 0))
  (block $zeroDone (loop $zero
    (br_if $zeroDone (i32.ge_u (local.get $b) (local.get $c)))
    (i32.store (i32.add (local.get $counts) (i32.shl (local.get $b) (i32.const 2))) (i32.const 0))
    (local.set $b (i32.add (local.get $b) (i32.const 1)))
    (br $zero)))
  ;; Tiles of rows, every query over each tile while its part of xt is in cache.
  (local.set $t0 (local.get $r0))
  (block $tilesDone (loop $tiles
    (br_if $tilesDone (i32.ge_u (local.get $t0) (local.get $r1)))
    (local.set $t1 (i32.add (local.get $t0) (local.get $tile)))
    (if (i32.gt_u (local.get $t1) (local.get $r1)) (then (local.set $t1 (local.get $r1))))
    (local.set $b (i32.const 0))
    (block $groupsDone (loop $groups
      (br_if $groupsDone (i32.gt_u (i32.add (local.get $b) (i32.const ${GROUP})) (local.get $c)))
      ${group(GROUP)}
      (local.set $b (i32.add (local.get $b) (i32.const ${GROUP})))
      (br $groups)))
    (block $singlesDone (loop $singles
      (br_if $singlesDone (i32.ge_u (local.get $b) (local.get $c)))
      ${group(1)}
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $singles)))
    (local.set $t0 (local.get $t1))
    (br $tiles)))
)
)
`;
}
