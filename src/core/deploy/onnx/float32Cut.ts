/**
 * Tree thresholds for float32 inputs. The app splits float64 values read from a CSV (17.8) on
 * float64 thresholds, often midpoints of neighbouring values ((17.7 + 17.9) / 2 =
 * 17.799999999999997); the ONNX graph gets the same values as float32 (17.799999237...), which
 * can no longer tell 17.8 from that threshold. Each float32 value stands for the shortest decimal
 * that rounds to it (what a CSV holds), so the threshold becomes the largest float32 whose decimal
 * the app would send left: `x32 <= cut` then decides as the app's `x <= t` does for every value
 * written with up to 7 significant digits.
 */

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** The float32 next to `f` towards +Infinity (up) or -Infinity (down). */
function step(f: number, up: boolean): number {
  if (f === 0) {
    i32[0] = 1;
    return up ? f32[0] : -f32[0];
  }
  f32[0] = f;
  i32[0] += f > 0 === up ? 1 : -1;
  return f32[0];
}

/** The shortest decimal that rounds to the float32 `f`. */
export function float32Decimal(f: number): number {
  for (let p = 1; p <= 9; p++) {
    const d = Number(f.toPrecision(p));
    if (Math.fround(d) === f) return d;
  }
  return f;
}

/** The largest float32 whose shortest decimal is <= t (t itself when not finite). */
export function float32Cut(t: number): number {
  if (!Number.isFinite(t)) return t;
  let f = Math.fround(t);
  if (!Number.isFinite(f)) return f;
  if (float32Decimal(f) <= t) {
    for (let next = step(f, true); Number.isFinite(next) && float32Decimal(next) <= t; next = step(f, true))
      f = next;
    return f;
  }
  do f = step(f, false);
  while (float32Decimal(f) > t);
  return f;
}
