import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { buildPlayground, playgroundDir, startStaticServer } from "../src/cli/serve";
import type { StaticServer } from "../src/cli/serve";
import type { PlaygroundDebug } from "../web/src/debug";

// End-to-end: build the page with Vite, serve web-dist on 127.0.0.1 (any free port), and drive
// Debian's headless Chromium through it. Every test fails on a console error, an uncaught
// exception, a failed or non-2xx request, or any request that leaves the page's origin.

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = new URL("artifacts/", import.meta.url);

/** Where a screenshot goes: e2e/artifacts/ (ignored by git; CI can keep it). */
function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return new URL(name, ARTIFACTS).pathname;
}

let server: StaticServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  await buildPlayground();
  server = await startStaticServer(playgroundDir, { port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  // Either may be missing when beforeAll failed (no Chromium, a build error): report that, not this.
  await (browser as Browser | undefined)?.close();
  await (server as StaticServer | undefined)?.close();
});

afterEach(() => {
  const seen = problems.splice(0);
  expect(seen, "console errors, page errors or failed requests").toEqual([]);
});

/** A fresh page at `path` that records every problem into `problems`. */
async function open(path = ""): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1460, height: 900 } });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    problems.push(`page error: ${error.message}`);
  });
  page.on("requestfailed", (request) => {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`);
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.push(`request outside the page's origin: ${url}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(server.url + path);
  await page.waitForFunction(() => window.__playground !== undefined);
  return page;
}

async function animationDone(page: Page): Promise<PlaygroundDebug> {
  await page.waitForFunction(() => window.__playground?.running === false, undefined, { timeout: 60_000 });
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__playground)) as PlaygroundDebug);
}

describe("the playground page", () => {
  let sharedUrl = "";
  let adamEnd: { x: number; y: number } = { x: NaN, y: NaN };

  test("is served as UTF-8 HTML with cross-origin isolation headers", async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    expect((await fetch(`${server.url}../../etc/passwd`)).status).toBe(404);
  });

  test("Adam walks Rosenbrock's valley to (1, 1)", async () => {
    // Start elsewhere, so choosing Rosenbrock is a real change (its start point comes with it).
    const page = await open("#f=beale");
    await page.selectOption("#fn-select", "rosenbrock");
    // Adam (lr 0.05, β = (0.9, 0.999)) with three others for the picture; SGD at a stable lr only crawls.
    for (const id of ["sgd", "momentum", "nesterov", "rmsprop", "adam"]) await page.setChecked(`#opt-${id}`, id !== "sgd");
    await page.fill("#opt-adam-lr", "0.05");
    await page.fill("#steps", "2000");
    await page.fill("#speed", "40");
    await page.click("#run");
    const debug = await animationDone(page);
    expect(debug.state.paths.fn).toBe("rosenbrock");
    expect(debug.state.paths.start).toEqual([-1.5, 2]);
    const adam = debug.paths.find((p) => p.id === "adam");
    expect(adam?.step).toBe(2000);
    expect(adam?.stopped).toBeNull();
    const distance = Math.hypot(adam!.x - 1, adam!.y - 1);
    expect(distance).toBeLessThan(1e-2);
    // Rosenbrock is 0 only at (1, 1); f ≈ 101·d² near it, so d < 1e-2 means f < ~1e-2 too.
    expect(adam!.loss).toBeLessThan(1e-2);
    adamEnd = { x: adam!.x, y: adam!.y };
    await page.locator(".paths-tab .controls").evaluate((panel) => {
      panel.scrollTop = 0;
    });
    await page.screenshot({ path: artifact("playground.png") });
    sharedUrl = page.url();
    expect(sharedUrl).toContain("f=rosenbrock");
    await page.close();
  });

  test("a shared link restores the configuration and the same paths", async () => {
    expect(sharedUrl).not.toBe("");
    const page = await open(sharedUrl.slice(server.url.length));
    const debug = await animationDone(page);
    expect(debug.paths.map((p) => p.id)).toEqual(["momentum", "nesterov", "rmsprop", "adam"]);
    const adam = debug.paths.find((p) => p.id === "adam")!;
    // Same settings, same arithmetic: the very same iterate.
    expect(adam.x).toBe(adamEnd.x);
    expect(adam.y).toBe(adamEnd.y);
    await page.close();
  });

  test("clicking the plot moves the start point", async () => {
    const page = await open("#f=quadratic&kappa=10&opt=sgd:lr=0.1&steps=50&speed=50");
    const box = (await page.locator("#paths-canvas").boundingBox())!;
    // The quadratic's window is [−2, 2]²: a quarter of the way across and down is (−1, 1).
    await page.mouse.click(box.x + box.width / 4, box.y + box.height / 4);
    const debug = await animationDone(page);
    expect(debug.state.paths.start[0]).toBeCloseTo(-1, 2);
    expect(debug.state.paths.start[1]).toBeCloseTo(1, 2);
    // SGD on (x² + 10 y²)/2 with lr 0.1: x ← 0.9 x and y ← (1 − 1) y = 0, so after 50 steps x = −0.9⁵⁰ (to the click's rounding).
    const sgd = debug.paths[0];
    expect(sgd.x).toBeCloseTo(debug.state.paths.start[0] * 0.9 ** 50, 10);
    expect(sgd.y).toBe(0);
    await page.close();
  });

  test("the schedule tab draws each pure schedule and keeps edits in the link", async () => {
    const page = await open("#tab=schedules");
    const curves = await page.evaluate(() => window.__playground!.schedules.curves);
    // cosineDecay(η₀ = 0.1, T = 100): ½(1 + cos(π/2)) = ½ of η₀ at t = 50.
    const cosine = curves.cosineDecay as number[];
    expect(cosine[0]).toBeCloseTo(0.1, 12);
    expect(cosine[50]).toBeCloseTo(0.05, 12);
    // stepDecay(η₀ = 0.1, s = 25, γ = 0.5): 0.1·0.5³ at t = 75.
    expect((curves.stepDecay as number[])[75]).toBeCloseTo(0.0125, 12);
    await page.fill("#schedules-cosineDecay-decaySteps", "50");
    await page.waitForFunction(() => (window.__playground!.schedules.curves.cosineDecay as number[])[50] === 0);
    expect(page.url()).toContain("s.cosineDecay=");
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: artifact("schedules.png") });
    await page.close();
  });

  test("the digits MLP trains in a Web Worker with live curves", async () => {
    const page = await open("#tab=training&topt=sgd:lr=0.1;adam:lr=0.003&epochs=2&batch=32&hidden=32");
    await page.click("#train");
    await page.waitForFunction(() => window.__playground!.training.status === "done" || window.__playground!.training.status === "error", undefined, {
      timeout: 90_000,
    });
    const training = await page.evaluate(() => window.__playground!.training);
    expect(training.status).toBe("done");
    for (const id of ["sgd", "adam"] as const) {
      const run = training.history[id]!;
      // 1500 training rows in batches of 32: 47 steps per epoch.
      expect(run.losses).toHaveLength(2 * 47);
      expect(run.validationAccuracy).toHaveLength(2);
      // Ten classes: chance is 10 %, and the first loss is near log 10 ≈ 2.3.
      expect(run.losses[0]).toBeGreaterThan(1.5);
      expect(run.losses[0]).toBeLessThan(3.5);
      expect(run.validationAccuracy[1]).toBeGreaterThan(0.8);
    }
    await page.screenshot({ path: artifact("training.png") });
    await page.close();
  });
});
