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
  2.46196981473530512524e-10, 5.64189564831068821977e-1, 7.46321056442269912687, 4.86371970985681366614e1, 1.96520832956077098242e2,
  5.26445194995477358631e2, 9.34528527171957607540e2, 1.02755188689515710272e3, 5.57535335369399327526e2,
];
const ERFC_Q = [
  1.32281951154744992508e1, 8.67072140885989742329e1, 3.54937778887819891062e2, 9.75708501743205489753e2, 1.82390916687909736289e3,
  2.24633760818710981792e3, 1.65666309194161350182e3, 5.57535340817727675546e2,
];
const ERFC_R = [
  5.64189583547755073984e-1, 1.27536670759978104416, 5.01905042251180477414, 6.16021097993053585195, 7.40974269950448939160,
  2.97886665372100240670,
];
const ERFC_S = [
  2.26052863220117276590, 9.39603524938001434673, 1.20489539808096656605e1, 1.70814450747565897222e1, 9.60896809063285878198,
  3.36907645100081516050,
];
const ERF_T = [9.60497373987051638749, 9.00260197203842689217e1, 2.23200534594684319226e3, 7.00332514112805075473e3, 5.55923013010394962768e4];
const ERF_U = [3.35617141647503099647e1, 5.21357949780152679795e2, 4.59432382970980127987e3, 2.26290000613890934246e4, 4.92673942608635921086e4];

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

const NDTRI_P0 = [-5.99633501014107895267e1, 9.80010754185999661536e1, -5.66762857469070293439e1, 1.39312609387279679503e1, -1.23916583867381258016];
const NDTRI_Q0 = [
  1.95448858338141759834, 4.67627912898881538453, 8.63602421390890590575e1, -2.25462687854119370527e2, 2.00260212380060660359e2,
  -8.20372256168333339912e1, 1.59056225126211695515e1, -1.18331621121330003142,
];
const NDTRI_P1 = [
  4.05544892305962419923, 3.15251094599893866154e1, 5.71628192246421288162e1, 4.40805073893200834700e1, 1.46849561928858024014e1,
  2.18663306850790267539, -1.40256079171354495875e-1, -3.50424626827848203418e-2, -8.57456785154685413611e-4,
];
const NDTRI_Q1 = [
  1.57799883256466749731e1, 4.53907635128879210584e1, 4.13172038254672030440e1, 1.50425385692907503408e1, 2.50464946208309415979,
  -1.42182922854787788574e-1, -3.80806407691578277194e-2, -9.33259480895457427372e-4,
];
const NDTRI_P2 = [
  3.23774891776946035970, 6.91522889068984211695, 3.93881025292474443415, 1.33303460815807542389, 2.01485389549179081538e-1,
  1.23716634817820021358e-2, 3.01581553508235416007e-4, 2.65806974686737550832e-6, 6.23974539184983293730e-9,
];
const NDTRI_Q2 = [
  6.02427039364742014255, 3.67983563856160859403, 1.37702099489081330271, 2.16236993594496635890e-1, 1.34204006088543189037e-2,
  3.28014464682127739104e-4, 2.89247864745380683936e-6, 6.79019408009981274425e-9,
];
const SQRT_2PI = 2.50662827463100050242;
const EXP_MINUS_2 = 0.13533528323661269189;

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
