import { describe, expect, it } from "vitest";
import { createProgress } from "./progress";

function fakeStream(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, columns: 200, write: (text: string) => out.push(text) } };
}

describe("progress", () => {
  it("stays quiet for runs under a second", () => {
    let now = 0;
    const { out, stream } = fakeStream(false);
    const progress = createProgress(stream, () => now);
    progress.start("quick", 4);
    for (let i = 0; i < 4; i++) {
      now += 200;
      progress.tick();
    }
    progress.done();
    expect(out).toEqual([]);
  });

  it("prints a plain line at each tenth when not on a terminal", () => {
    let now = 0;
    const { out, stream } = fakeStream(false);
    const progress = createProgress(stream, () => now);
    progress.start("long", 20);
    for (let i = 0; i < 20; i++) {
      now += 500;
      progress.tick(1, `step ${i}`);
    }
    progress.done();
    // Ticks 2 … 20 are past the first second; lines at 10 %, 20 %, … 100 %.
    expect(out).toHaveLength(10);
    expect(out[0]).toBe("long: 2/20 (10%) after 1.0 s, step 1\n");
    expect(out.at(-1)).toBe("long: 20/20 (100%) after 10.0 s, step 19\n");
    expect(out.every((line) => !line.includes("\r"))).toBe(true);
  });

  it("redraws one bar in place on a terminal and ends it with the time taken", () => {
    let now = 0;
    const { out, stream } = fakeStream(true);
    const progress = createProgress(stream, () => now);
    progress.start("bar", 2);
    now = 1500;
    progress.tick();
    now = 3000;
    progress.tick();
    progress.done();
    expect(out[0]).toMatch(/^\rbar \[█{12}░{12}\] 50% 1\.5 s · 1\.5 s left/);
    expect(out.at(-1)).toBe("\rbar: done in 3.0 s\x1b[K\n");
  });
});
