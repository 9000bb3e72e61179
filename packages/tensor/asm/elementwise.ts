// Element-wise kernels over contiguous runs in linear memory, generic over f32 and f64: the
// operations whose float32 results equal a JavaScript loop's bit for bit (a float64 +, −, ×, ÷ or
// √ of float32 operands rounded once to float32 is the float32 operation; comparisons give exactly
// 1 or 0, false for NaN), so replacing the TypeScript kernels changes no number.

export const ADD = 0, SUB = 1, MUL = 2, DIV = 3, EQ = 4, NE = 5, LT = 6, LE = 7, GT = 8, GE = 9, RELU_BACKWARD = 10;

/** A comparison's lane mask (all ones or zeros) as 1.0 or 0.0. */
function ones<T>(mask: v128): v128 {
  return v128.and(mask, v128.splat<T>(<T>1));
}
export const NEG = 0, ABS = 1, SQRT = 2, RELU = 3;

function combine<T>(op: i32, x: v128, y: v128): v128 {
  if (op == ADD) return v128.add<T>(x, y);
  if (op == SUB) return v128.sub<T>(x, y);
  if (op == MUL) return v128.mul<T>(x, y);
  if (op == DIV) return v128.div<T>(x, y);
  if (op == EQ) return ones<T>(v128.eq<T>(x, y));
  if (op == NE) return ones<T>(v128.ne<T>(x, y));
  if (op == LT) return ones<T>(v128.lt<T>(x, y));
  if (op == LE) return ones<T>(v128.le<T>(x, y));
  if (op == GT) return ones<T>(v128.gt<T>(x, y));
  if (op == GE) return ones<T>(v128.ge<T>(x, y));
  // x where not (y ≤ 0): cleared lanes are +0, NaN y keeps x
  return v128.andnot(x, v128.le<T>(y, v128.splat<T>(<T>0)));
}

function combine1<T>(op: i32, x: T, y: T): T {
  let r: T;
  if (op == ADD) r = x + y;
  else if (op == SUB) r = x - y;
  else if (op == MUL) r = x * y;
  else if (op == DIV) r = x / y;
  else if (op == EQ) r = x == y ? <T>1 : <T>0;
  else if (op == NE) r = x != y ? <T>1 : <T>0;
  else if (op == LT) r = x < y ? <T>1 : <T>0;
  else if (op == LE) r = x <= y ? <T>1 : <T>0;
  else if (op == GT) r = x > y ? <T>1 : <T>0;
  else if (op == GE) r = x >= y ? <T>1 : <T>0;
  else r = y <= <T>0 ? <T>0 : x;
  return r;
}

/** out[i] = a[i] ∘ b[i·bStep] for i < n; bStep 0 broadcasts one b. */
export function binaryRun<T>(op: i32, a: usize, b: usize, bStep: i32, out: usize, n: i32): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  let i = 0;
  if (bStep == 0) {
    const y = load<T>(b);
    const vy = v128.splat<T>(y);
    for (; i + L <= n; i += L) v128.store(out + <usize>i * S, combine<T>(op, v128.load(a + <usize>i * S), vy));
    for (; i < n; i++) store<T>(out + <usize>i * S, combine1<T>(op, load<T>(a + <usize>i * S), y));
    return;
  }
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    v128.store(out + at, combine<T>(op, v128.load(a + at), v128.load(b + at)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    store<T>(out + at, combine1<T>(op, load<T>(a + at), load<T>(b + at)));
  }
}

function apply<T>(op: i32, x: v128): v128 {
  if (op == NEG) return v128.neg<T>(x);
  if (op == ABS) return v128.abs<T>(x);
  if (op == SQRT) return v128.sqrt<T>(x);
  // max(x, 0) keeps NaN and turns −0 into +0, as the TypeScript relu does
  return v128.max<T>(x, v128.splat<T>(<T>0));
}

function apply1<T>(op: i32, x: T): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-unary-minus -- T is f32 or f64 in every instantiation
  if (op == NEG) return -x;
  if (op == ABS) return abs<T>(x);
  if (op == SQRT) return sqrt<T>(x);
  return x > <T>0 ? x : x != x ? x : <T>0;
}

/** out[i] = f(a[i]) for i < n. */
export function unaryRun<T>(op: i32, a: usize, out: usize, n: i32): void {
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  let i = 0;
  for (; i + L <= n; i += L) v128.store(out + <usize>i * S, apply<T>(op, v128.load(a + <usize>i * S)));
  for (; i < n; i++) store<T>(out + <usize>i * S, apply1<T>(op, load<T>(a + <usize>i * S)));
}
