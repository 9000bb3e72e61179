/**
 * Input the user can fix: an unknown experiment or option, a missing or corrupt data file.
 * The CLI prints `message` and `fix` on one line and exits with code 2; anything else is a bug
 * and keeps its stack trace.
 */
export class BadInputError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = "BadInputError";
  }
}
