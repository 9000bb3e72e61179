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

// Each operation is a class with no fields: `vector` applies it to lanes, `one` to an element. A
// loop takes the class as a type parameter (calling through a null reference of it, which no
// method reads), so every (type, operation) pair compiles to a loop of its own with the operation
// inlined. A loop that chose the operation per vector compiled to a call per vector (binaryen
// does not inline an eleven-way branch) and ran at half the memory's speed.

class Add { vector<T>(x: v128, y: v128): v128 { return v128.add<T>(x, y); } one<T>(x: T, y: T): T { return x + y; } }
class Sub { vector<T>(x: v128, y: v128): v128 { return v128.sub<T>(x, y); } one<T>(x: T, y: T): T { return x - y; } }
class Mul { vector<T>(x: v128, y: v128): v128 { return v128.mul<T>(x, y); } one<T>(x: T, y: T): T { return x * y; } }
class Div { vector<T>(x: v128, y: v128): v128 { return v128.div<T>(x, y); } one<T>(x: T, y: T): T { return x / y; } }
class Eq { vector<T>(x: v128, y: v128): v128 { return ones<T>(v128.eq<T>(x, y)); } one<T>(x: T, y: T): T { return x == y ? <T>1 : <T>0; } }
class Ne { vector<T>(x: v128, y: v128): v128 { return ones<T>(v128.ne<T>(x, y)); } one<T>(x: T, y: T): T { return x != y ? <T>1 : <T>0; } }
class Lt { vector<T>(x: v128, y: v128): v128 { return ones<T>(v128.lt<T>(x, y)); } one<T>(x: T, y: T): T { return x < y ? <T>1 : <T>0; } }
class Le { vector<T>(x: v128, y: v128): v128 { return ones<T>(v128.le<T>(x, y)); } one<T>(x: T, y: T): T { return x <= y ? <T>1 : <T>0; } }
class Gt { vector<T>(x: v128, y: v128): v128 { return ones<T>(v128.gt<T>(x, y)); } one<T>(x: T, y: T): T { return x > y ? <T>1 : <T>0; } }
class Ge { vector<T>(x: v128, y: v128): v128 { return ones<T>(v128.ge<T>(x, y)); } one<T>(x: T, y: T): T { return x >= y ? <T>1 : <T>0; } }
/** x where not (y ≤ 0): cleared lanes are +0, NaN y keeps x. */
class ReluBackward {
  vector<T>(x: v128, y: v128): v128 { return v128.andnot(x, v128.le<T>(y, v128.splat<T>(<T>0))); }
  one<T>(x: T, y: T): T { return y <= <T>0 ? <T>0 : x; }
}

class Neg {
  vector<T>(x: v128): v128 { return v128.neg<T>(x); }
  // eslint-disable-next-line @typescript-eslint/no-unsafe-unary-minus -- T is f32 or f64 in every instantiation
  one<T>(x: T): T { return -x; }
}
class Abs { vector<T>(x: v128): v128 { return v128.abs<T>(x); } one<T>(x: T): T { return abs<T>(x); } }
class Sqrt { vector<T>(x: v128): v128 { return v128.sqrt<T>(x); } one<T>(x: T): T { return sqrt<T>(x); } }
/** max(x, 0) keeps NaN and turns −0 into +0, as the TypeScript relu does. */
class Relu {
  vector<T>(x: v128): v128 { return v128.max<T>(x, v128.splat<T>(<T>0)); }
  one<T>(x: T): T { return x > <T>0 ? x : x != x ? x : <T>0; }
}

/** out[i] = a[i] ∘ b[i·bStep] for i < n; bStep 0 broadcasts one b. */
export function binaryRun<T>(op: i32, a: usize, b: usize, bStep: i32, out: usize, n: i32): void {
  if (op == ADD) binaryLoop<T, Add>(a, b, bStep, out, n);
  else if (op == SUB) binaryLoop<T, Sub>(a, b, bStep, out, n);
  else if (op == MUL) binaryLoop<T, Mul>(a, b, bStep, out, n);
  else if (op == DIV) binaryLoop<T, Div>(a, b, bStep, out, n);
  else if (op == EQ) binaryLoop<T, Eq>(a, b, bStep, out, n);
  else if (op == NE) binaryLoop<T, Ne>(a, b, bStep, out, n);
  else if (op == LT) binaryLoop<T, Lt>(a, b, bStep, out, n);
  else if (op == LE) binaryLoop<T, Le>(a, b, bStep, out, n);
  else if (op == GT) binaryLoop<T, Gt>(a, b, bStep, out, n);
  else if (op == GE) binaryLoop<T, Ge>(a, b, bStep, out, n);
  else binaryLoop<T, ReluBackward>(a, b, bStep, out, n);
}

function binaryLoop<T, Op>(a: usize, b: usize, bStep: i32, out: usize, n: i32): void {
  const op = changetype<Op>(0);
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  let i = 0;
  if (bStep == 0) {
    const y = load<T>(b);
    const vy = v128.splat<T>(y);
    for (; i + L <= n; i += L) v128.store(out + <usize>i * S, op.vector<T>(v128.load(a + <usize>i * S), vy));
    for (; i < n; i++) store<T>(out + <usize>i * S, op.one<T>(load<T>(a + <usize>i * S), y));
    return;
  }
  for (; i + L <= n; i += L) {
    const at = <usize>i * S;
    v128.store(out + at, op.vector<T>(v128.load(a + at), v128.load(b + at)));
  }
  for (; i < n; i++) {
    const at = <usize>i * S;
    store<T>(out + at, op.one<T>(load<T>(a + at), load<T>(b + at)));
  }
}

/** out[i] = f(a[i]) for i < n. */
export function unaryRun<T>(op: i32, a: usize, out: usize, n: i32): void {
  if (op == NEG) unaryLoop<T, Neg>(a, out, n);
  else if (op == ABS) unaryLoop<T, Abs>(a, out, n);
  else if (op == SQRT) unaryLoop<T, Sqrt>(a, out, n);
  else unaryLoop<T, Relu>(a, out, n);
}

function unaryLoop<T, Op>(a: usize, out: usize, n: i32): void {
  const op = changetype<Op>(0);
  const S = <usize>sizeof<T>();
  const L = 16 / <i32>S;
  let i = 0;
  for (; i + L <= n; i += L) v128.store(out + <usize>i * S, op.vector<T>(v128.load(a + <usize>i * S)));
  for (; i < n; i++) store<T>(out + <usize>i * S, op.one<T>(load<T>(a + <usize>i * S)));
}
