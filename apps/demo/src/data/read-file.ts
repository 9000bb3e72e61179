import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { BadInputError } from "../errors";

/** A file's bytes, or a BadInputError that says which file is missing and how to get it. */
export function readDataFile(path: string, fix: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new BadInputError(`cannot read data file ${path} (${code})`, fix);
  }
}

/** The gunzipped contents of a `.gz` data file. */
export function readGzipFile(path: string, fix: string): Buffer {
  const bytes = readDataFile(path, fix);
  try {
    return gunzipSync(bytes);
  } catch {
    throw new BadInputError(`data file ${path} is not valid gzip (truncated or corrupt)`, fix);
  }
}
