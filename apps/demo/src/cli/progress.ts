/**
 * Progress of a long run on stderr. On a terminal: one bar redrawn in place with the elapsed
 * time and an estimate of what is left. Elsewhere (a pipe, CI): a plain line at each tenth of
 * the work. Nothing is shown during the first second, so short runs stay quiet.
 */
export interface Progress {
  /** Starts a task of `total` units (epochs, runs, iterations) named `label`. */
  start(label: string, total: number): void;
  /** Moves the current task forward; `note` (e.g. the last loss) is shown beside the bar. */
  tick(units?: number, note?: string): void;
  /** Ends the current task. */
  done(): void;
  /** A line of text that should not be mixed into the bar (printed on stderr). */
  log(line: string): void;
}

export const silentProgress: Progress = { start: () => undefined, tick: () => undefined, done: () => undefined, log: () => undefined };

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const QUIET_MS = 1000;

export function createProgress(stream: Stream = process.stderr, now: () => number = () => performance.now()): Progress {
  let label = "";
  let total = 1;
  let count = 0;
  let note = "";
  let started = 0;
  let shown = false;
  let lastTenth = -1;
  let lastDraw = 0;
  const tty = stream.isTTY === true;

  const elapsed = (): number => (now() - started) / 1000;
  const eta = (): string => {
    if (count === 0) return "";
    const left = (elapsed() * (total - count)) / count;
    return ` · ${formatSeconds(left)} left`;
  };
  const draw = (): void => {
    const fraction = Math.min(1, count / total);
    if (tty) {
      const width = 24;
      const full = Math.round(fraction * width);
      const text = `${label} [${"█".repeat(full)}${"░".repeat(width - full)}] ${Math.floor(100 * fraction)}% ${formatSeconds(elapsed())}${eta()}${note === "" ? "" : ` · ${note}`}`;
      const columns = stream.columns ?? 100;
      stream.write(`\r${text.length > columns - 1 ? text.slice(0, columns - 1) : text}\x1b[K`);
    } else {
      stream.write(`${label}: ${count}/${total} (${Math.floor(100 * fraction)}%) after ${formatSeconds(elapsed())}${note === "" ? "" : `, ${note}`}\n`);
    }
    shown = true;
  };

  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = Math.max(1, newTotal);
      count = 0;
      note = "";
      started = now();
      shown = false;
      lastTenth = 0;
      lastDraw = 0;
    },
    tick(units = 1, newNote) {
      count += units;
      if (newNote !== undefined) note = newNote;
      const t = now();
      if (t - started < QUIET_MS) return;
      if (tty) {
        if (t - lastDraw > 100 || count >= total) {
          lastDraw = t;
          draw();
        }
        return;
      }
      const tenth = Math.floor((10 * count) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        draw();
      }
    },
    done() {
      if (!shown) return;
      if (tty) stream.write(`\r${label}: done in ${formatSeconds(elapsed())}\x1b[K\n`);
      else if (count < total) stream.write(`${label}: done in ${formatSeconds(elapsed())}\n`);
      shown = false;
    },
    log(line) {
      if (tty && shown) stream.write("\r\x1b[K");
      stream.write(`${line}\n`);
      if (tty && shown) draw();
    },
  };
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - 60 * minutes)} s`;
}
