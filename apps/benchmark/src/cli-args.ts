import { PEER_NAMES, SECTION_NAMES, type PeerName, type SectionName } from "./result";

export interface CliOptions {
  sections: SectionName[];
  quick: boolean;
  json: string | null;
  peers: PeerName[];
  help: boolean;
  /** Internal: run the one section given in this process and write its report as JSON here (see isolated.ts). */
  sectionReport: string | null;
}

/** A command line the benchmark cannot run: main prints the message on one line and exits with 2. */
export class UsageError extends Error {}

const isSection = (s: string): s is SectionName => (SECTION_NAMES as readonly string[]).includes(s);
const isPeer = (s: string): s is PeerName => (PEER_NAMES as readonly string[]).includes(s);

/** Parses `[section ...] [--quick] [--json FILE] [--peers LIST] [--help]`; no section means all. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { sections: [], quick: false, json: null, peers: [...PEER_NAMES], help: false, sectionReport: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (arg === "--help" || arg === "-h") options.help = true;
    else if (arg === "--quick") options.quick = true;
    else if (arg === "--json" || arg === "--peers" || arg === "--section-report") {
      if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) throw new UsageError(`${arg} needs a value`);
      const value = argv[i + 1];
      i++;
      if (arg === "--json") options.json = value;
      else if (arg === "--section-report") options.sectionReport = value;
      else options.peers = parsePeers(value);
    } else if (arg.startsWith("--json=")) options.json = arg.slice("--json=".length);
    else if (arg.startsWith("--peers=")) options.peers = parsePeers(arg.slice("--peers=".length));
    else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg} (expected --quick, --json FILE, --peers LIST or --help)`);
    else if (isSection(arg)) {
      if (!options.sections.includes(arg)) options.sections.push(arg);
    } else throw new UsageError(`unknown section "${arg}" (expected one of ${SECTION_NAMES.join(", ")})`);
  }
  if (options.sectionReport !== null && options.sections.length !== 1) throw new UsageError("--section-report needs exactly one section");
  if (options.sections.length === 0) options.sections = [...SECTION_NAMES];
  else options.sections.sort((a, b) => SECTION_NAMES.indexOf(a) - SECTION_NAMES.indexOf(b));
  return options;
}

function parsePeers(list: string): PeerName[] {
  if (list === "none") return [];
  const peers = list.split(",").map((p) => p.trim()).filter((p) => p !== "");
  for (const p of peers) if (!isPeer(p)) throw new UsageError(`unknown peer "${p}" in --peers (expected some of ${PEER_NAMES.join(", ")}, or none)`);
  return peers as PeerName[];
}

export const HELP = `Usage: pnpm bench [section ...] [--quick] [--json FILE] [--peers LIST]

Measures descent's speed and convergence beside TensorFlow.js (cpu and wasm backends, same
process) and PyTorch / SciPy (/usr/bin/python3, when importable), and prints one markdown table
per section with each figure and descent's ratio to each peer (> 1× means descent is better).

Sections (default: all, in this order, each in a Node process of its own):
${SECTION_NAMES.map((s) => `  ${s}`).join("\n")}

Options:
  --quick        every section at tiny sizes and one timed run: checks that it all works, not speed
  --json FILE    also write the results as JSON to FILE, a markdown copy beside it (FILE.md) and
                 one SVG bar chart per section (FILE without .json, then -<section>.svg)
  --peers LIST   compare only with these peers (comma-separated, or "none"):
                 ${PEER_NAMES.join(", ")}
  --help         this text
`;
