// Vite (and so vitest) imports a file's text with the `?raw` suffix; the README test uses it.
declare module "*.md?raw" {
  const text: string;
  export default text;
}
