import { fileURLToPath } from "node:url";
import { main } from "./cli/main";

// `pnpm demo | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// pnpm runs this script inside apps/demo; INIT_CWD is the folder the user typed the command in.
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  baseDir: process.env.INIT_CWD ?? process.cwd(),
  defaultOut: fileURLToPath(new URL("../report", import.meta.url)),
});
