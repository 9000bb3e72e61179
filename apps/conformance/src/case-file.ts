import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** A tensor as the cases write it: row-major data and a shape (`[]` for 0-d). */
export interface CaseTensor {
  shape: number[];
  data: number[];
}

/** Any case: an id plus kind-specific fields, read by the kind's adapter. */
export interface ConformanceCase {
  id: string;
  [field: string]: unknown;
}

export interface CaseFile {
  path: string;
  kind: string;
  source: string;
  cases: ConformanceCase[];
}

export const SCHEMA_ID = "descent-conformance/1";

/** Every `*.json` below the given files or directories, sorted for a stable order. */
export function listCaseFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      const entries = readdirSync(path).sort();
      files.push(...listCaseFiles(entries.filter((e) => e.endsWith(".json") || statSync(join(path, e)).isDirectory()).map((e) => join(path, e))));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Reads and checks the envelope of one case file; throws with the path and what is wrong. */
export function readCaseFile(path: string): CaseFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: cannot read as JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof parsed !== "object" || parsed === null) throw new Error(`${path}: expected a JSON object`);
  const file = parsed as Record<string, unknown>;
  if (file.schema !== SCHEMA_ID) throw new Error(`${path}: schema is ${JSON.stringify(file.schema)}, expected "${SCHEMA_ID}"`);
  if (typeof file.kind !== "string") throw new Error(`${path}: "kind" must be a string`);
  if (!Array.isArray(file.cases)) throw new Error(`${path}: "cases" must be an array`);
  const cases = file.cases as unknown[];
  cases.forEach((c, i) => {
    if (typeof c !== "object" || c === null || typeof (c as { id?: unknown }).id !== "string") {
      throw new Error(`${path}: case ${i} has no string "id"`);
    }
  });
  return { path, kind: file.kind, source: typeof file.source === "string" ? file.source : "", cases: cases as ConformanceCase[] };
}
