import { portableExp, portableLog } from "./portable-math";

/**
 * The standard normal CDF Φ, its complement and inverse, and erf/erfc/erfinv, in float64.
 * Rational approximations from Cephes (S. L. Moshier, ndtr.c and ndtri.c, as used by SciPy):
 * relative error about 1e-16 for Φ⁻¹ and below 1e-14 for erfc over the whole range.
 * Built on portable log/exp, so results are identical on every platform.
 */

function polevl(x: number, c: readonly number[]): number {
  let r = c[0];
  for (let i = 1; i < c.length; i++) r = r * x + c[i];
  return r;
}

/** Like polevl with an implicit leading coefficient 1. */
function p1evl(x: number, c: readonly number[]): number {
  let r = x + c[0];
  for (let i = 1; i < c.length; i++) r = r * x + c[i];
  return r;
}

const ERFC_P = [
  2.461969814735305e-10, 0.5641895648310689, 7.463210564422699, 48.63719709856814, 196.5208329560771,
  526.4451949954773, 934.5285271719576, 1027.5518868951572, 557.5353353693994,
];
const ERFC_Q = [
  13.228195115474499, 86.70721408859897, 354.9377788878199, 975.7085017432055, 1823.9091668790973,
  2246.3376081871097, 1656.6630919416134, 557.5353408177277,
];
const ERFC_R = [
  0.5641895835477551, 1.275366707599781, 5.019050422511805, 6.160210979930536, 7.4097426995044895,
  2.9788666537210022,
];
const ERFC_S = [
  2.2605286322011726, 9.396035249380015, 12.048953980809666, 17.08144507475659, 9.608968090632859,
  3.369076451000815,
];
const ERF_T = [9.604973739870516, 90.02601972038427, 2232.005345946843, 7003.325141128051, 55592.30130103949];
const ERF_U = [33.56171416475031, 521.3579497801527, 4594.323829709801, 22629.000061389095, 49267.39426086359];

/** exp(-x²) without the rounding error of x² (split x into a 26-bit head and a tail). */
function expMinusSquare(x: number): number {
  const head = Math.round(x * 67108864) / 67108864;
  const tail = x - head;
  return portableExp(-head * head) * portableExp(-tail * (2 * head + tail));
}

export function erf(x: number): number {
  if (x !== x) return NaN;
  if (x < 0) return -erf(-x);
  if (x > 1) return 1 - erfc(x);
  const z = x * x;
  return (x * polevl(z, ERF_T)) / p1evl(z, ERF_U);
}

export function erfc(a: number): number {
  if (a !== a) return NaN;
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  if (x > 27.3) return a < 0 ? 2 : 0;
  const z = expMinusSquare(x);
  const y = x < 8 ? (z * polevl(x, ERFC_P)) / p1evl(x, ERFC_Q) : (z * polevl(x, ERFC_R)) / p1evl(x, ERFC_S);
  return a < 0 ? 2 - y : y;
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (x !== x) return NaN;
  const t = x * Math.SQRT1_2;
  const z = Math.abs(t);
  if (z < Math.SQRT1_2) return 0.5 + 0.5 * erf(t);
  const y = 0.5 * erfc(z);
  return t > 0 ? 1 - y : y;
}

/** 1 - Φ(x), accurate in the upper tail. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

const NDTRI_P0 = [-59.96335010141079, 98.00107541859997, -56.67628574690703, 13.931260938727968, -1.2391658386738125];
const NDTRI_Q0 = [
  1.9544885833814176, 4.676279128988815, 86.36024213908905, -225.46268785411937, 200.26021238006066,
  -82.03722561683334, 15.90562251262117, -1.1833162112133,
];
const NDTRI_P1 = [
  4.0554489230596245, 31.525109459989388, 57.16281922464213, 44.08050738932008, 14.684956192885803,
  2.1866330685079025, -0.1402560791713545, -0.03504246268278482, -0.0008574567851546854,
];
const NDTRI_Q1 = [
  15.779988325646675, 45.39076351288792, 41.3172038254672, 15.04253856929075, 2.504649462083094,
  -0.14218292285478779, -0.03808064076915783, -0.0009332594808954574,
];
const NDTRI_P2 = [
  3.2377489177694603, 6.915228890689842, 3.9388102529247444, 1.3330346081580755, 0.20148538954917908,
  0.012371663481782003, 0.00030158155350823543, 0.0000026580697468673755, 6.239745391849833e-9,
];
const NDTRI_Q2 = [
  6.02427039364742, 3.6798356385616087, 1.3770209948908132, 0.21623699359449663, 0.013420400608854318,
  0.00032801446468212774, 0.0000028924786474538068, 6.790194080099813e-9,
];
const SQRT_2PI = 2.5066282746310007;
const EXP_MINUS_2 = 0.1353352832366127;

/** Φ⁻¹ on the central interval, given w = p - 0.5 with |w| ≤ 0.5 - e⁻² (passing w avoids rounding 0.5 + w). */
function centralQuantile(w: number): number {
  const w2 = w * w;
  return (w + w * ((w2 * polevl(w2, NDTRI_P0)) / p1evl(w2, NDTRI_Q0))) * SQRT_2PI;
}

/** Φ⁻¹ for 0 < p ≤ e⁻² (the lower tail), negative. */
function tailQuantile(p: number): number {
  const x = Math.sqrt(-2 * portableLog(p));
  const x0 = x - portableLog(x) / x;
  const z = 1 / x;
  const x1 = x < 8 ? (z * polevl(z, NDTRI_P1)) / p1evl(z, NDTRI_Q1) : (z * polevl(z, NDTRI_P2)) / p1evl(z, NDTRI_Q2);
  return x1 - x0;
}

/** Φ⁻¹(p), the standard normal quantile; -Infinity at 0, Infinity at 1, NaN outside [0, 1]. */
export function ndtri(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 1 - EXP_MINUS_2) return -tailQuantile(1 - p);
  if (p > EXP_MINUS_2) return centralQuantile(p - 0.5);
  return tailQuantile(p);
}

/** erf⁻¹(y) for y in [-1, 1]: ndtri((1 + y)/2)/√2, evaluated without cancellation near 0 and ±1. */
export function erfinv(y: number): number {
  if (!(y >= -1 && y <= 1)) return NaN;
  if (y === 1) return Infinity;
  if (y === -1) return -Infinity;
  const a = Math.abs(y);
  let x: number;
  if (a <= 1 - 2 * EXP_MINUS_2) x = centralQuantile(a / 2);
  else x = -tailQuantile((1 - a) / 2);
  return (y < 0 ? -x : x) * Math.SQRT1_2;
}
