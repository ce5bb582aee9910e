/**
 * The WAT of the dropout masks, part of the dense module (denseWat.ts): mulberry32 (random.ts'
 * makeRng) four draws at a time, the keep test in integers, and the dropout_mask kernel; the
 * pieces are shared with the fused relu product (gemm_nn_relu), which draws each element's mask
 * in its epilogue. Moved out of denseWat.ts as is.
 */

/** mulberry32's increment, and its first four multiples (mod 2^32) for four draws at a time. */
export const GOLDEN = 0x6d2b79f5;
export const STEPS = [1, 2, 3, 4].map((k) => (k * GOLDEN) % 2 ** 32).join(" ");

/** mulberry32's output mix of the state vector $s (i32x4) into $u. */
export const MIX4 = `(local.set $u (i32x4.mul (v128.xor (local.get $s) (i32x4.shr_u (local.get $s) (i32.const 15))) (v128.or (local.get $s) (i32x4.splat (i32.const 1)))))
(local.set $u (v128.xor (local.get $u) (i32x4.add (local.get $u) (i32x4.mul (v128.xor (local.get $u) (i32x4.shr_u (local.get $u) (i32.const 7))) (v128.or (local.get $u) (i32x4.splat (i32.const 61)))))))
(local.set $u (v128.xor (local.get $u) (i32x4.shr_u (local.get $u) (i32.const 14))))`;

/**
 * The mask test in integers: draw / 2^32 < keep (exact, in float64) holds for an integer draw
 * exactly when draw <= ceil(keep 2^32) - 1, which trunc_sat clamps to [0, 2^32 - 1] ($limV);
 * keep <= 0 keeps nothing ($keptV then +0). Cheaper than converting the draws to float64.
 */
export const KEEP_SETUP = `(local.set $limV (i32x4.splat (i32.trunc_sat_f64_u (f64.sub (f64.ceil (f64.mul (local.get $keep) (f64.const 0x1p32))) (f64.const 1)))))
(local.set $keptV (f64x2.splat (select (local.get $kept) (f64.const 0) (f64.gt (local.get $keep) (f64.const 0)))))`;

/** The four draws in $u become their lanes' keep test: all ones where kept. */
export const KEEP4 = "(local.set $u (i32x4.le_u (local.get $u) (local.get $limV)))";

/** Two mask values, kept or +0, from the keep tests (KEEP4) in $u's low (half 0) or high (half 1) lanes. */
export const maskPair = (half: number) =>
  `(v128.and (local.get $keptV) (i64x2.extend_${half === 0 ? "low" : "high"}_i32x4_s (local.get $u)))`;

/**
 * Dropout mask from mulberry32 (random.ts' makeRng, whose state is `state`): mask[i] = kept where
 * the next uniform draw u = x / 2^32 is below keep, else 0. Returns the generator's new state. The
 * state only ever adds a constant, so four draws are mixed at once (i32x4), in stream order.
 */
export const DROPOUT_MASK = `(func (export "dropout_mask") (param $mask i32) (param $size i32) (param $state i32) (param $keep f64) (param $kept f64) (result i32)
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
