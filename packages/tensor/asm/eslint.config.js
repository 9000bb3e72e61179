// AssemblyScript sources are TypeScript syntax with AssemblyScript's types: i32, u32, usize, f32
// and f64 are distinct there (a `<usize>` cast changes the emitted code even where TypeScript sees
// `number` on both sides), and a type parameter used only in the body picks the instantiation
// (`lanes<f32>()`). The two rules that read these as redundant are off. Arithmetic on values of a
// type parameter (`sign * load<T>(p)`) is resolved per instantiation, which TypeScript can only
// type as `any`, and so is a method called through a type parameter (`op.vector<T>(x, y)`, the
// element-wise loops' operations), so the unsafe-any rules those raise are off too; the rest of
// the root configuration applies.
import root from "../../../eslint.config.js";

export default [
  ...root,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      "@typescript-eslint/no-unnecessary-type-parameters": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
];
