/**
 * log, sin and cos from + − × ÷ alone, which IEEE 754 fixes to the bit in every JavaScript engine. Math.log, Math.sin
 * and Math.cos are not fixed: Chromium 156 and Node 20 disagree in the last bit for a few percent of inputs, and a
 * seeded factor initialisation drawn through them gave the studio and the CLI different models (recommendations
 * that differed in the 16th digit). Accurate to a few units in the last place, which is plenty for seeded noise.
 */

/** Terms of the series below: each one's next term is under 1e-17 on the reduced range. */
const LOG_TERMS = 12;
const TRIG_TERMS = 13;

/** ln x for a finite x > 0. */
export function portableLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return x === 0 ? -Infinity : Number.NaN;
  // x = m · 2^e with m in [√½, √2): halving and doubling are exact.
  let m = x;
  let e = 0;
  while (m >= Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  while (m < Math.SQRT1_2) {
    m *= 2;
    e -= 1;
  }
  // ln m = 2·atanh(z) = 2·(z + z³/3 + z⁵/5 + …) with z = (m − 1)/(m + 1), |z| < 0.172.
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let power = z;
  let sum = 0;
  for (let k = 0; k < LOG_TERMS; k++) {
    sum += power / (2 * k + 1);
    power *= z2;
  }
  return 2 * sum + e * Math.LN2;
}

/** [cos 2πt, sin 2πt] for t in [0, 1): a point `t` turns round the unit circle. */
export function portableCosSin(t: number): [number, number] {
  const scaled = t * 4;
  const quarter = Math.floor(scaled);
  // The angle within its quarter turn, in [0, π/2): Taylor series of sin and cos converge fast there.
  const a = (scaled - quarter) * (Math.PI / 2);
  const a2 = a * a;
  let sin = 0;
  let cos = 0;
  let sinTerm = a;
  let cosTerm = 1;
  for (let k = 0; k < TRIG_TERMS; k++) {
    sin += sinTerm;
    cos += cosTerm;
    sinTerm *= -a2 / ((2 * k + 2) * (2 * k + 3));
    cosTerm *= -a2 / ((2 * k + 1) * (2 * k + 2));
  }
  switch (((quarter % 4) + 4) % 4) {
    case 0:
      return [cos, sin];
    case 1:
      return [-sin, cos];
    case 2:
      return [-cos, -sin];
    default:
      return [sin, -cos];
  }
}
