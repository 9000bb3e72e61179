import type { Claim, Figure, ResultTable, Series } from "../../report/result";
import type { Experiment } from "../experiment";
import { contourOf } from "./contour-grid";
import { beale, himmelblau, landscapes, rosenbrock, saddle } from "./functions";
import type { Landscape } from "./functions";
import { pathMethods, trajectory } from "./trajectory";
import type { PathMethod } from "./trajectory";

/** The learning rates tried for each method; each path is drawn with the method's best one. */
const lrGrids: Record<Exclude<PathMethod, "Newton">, number[]> = {
  SGD: [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1],
  Momentum: [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1],
  Nesterov: [1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1],
  AdaGrad: [0.01, 0.03, 0.1, 0.3, 1, 3],
  RMSProp: [1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3],
  AdaDelta: [0.1, 0.3, 1, 3, 10, 30],
  Adam: [1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3],
};

interface PathRun {
  method: PathMethod;
  lr: number | null;
  points: [number, number][];
  final: number;
}

/**
 * The method's path with the learning rate from its grid that ends at the lowest f (on the
 * saddle, lower means further escaped). A path that blew up to infinity counts as +∞, except
 * on the saddle, whose f really does fall to −∞.
 */
function bestPath(landscape: Landscape, method: PathMethod): PathRun {
  if (method === "Newton") {
    const points = trajectory(landscape, "Newton", 1);
    return { method, lr: null, points, final: finalValue(landscape, points) };
  }
  let best: PathRun | null = null;
  for (const lr of lrGrids[method]) {
    const points = trajectory(landscape, method, lr);
    const blewUp = points.length < landscape.iterations + 1 && landscape !== saddle;
    const score = blewUp ? Infinity : finalValue(landscape, points);
    if (best === null || score < best.final) best = { method, lr, points, final: score };
  }
  return best!;
}

function finalValue(landscape: Landscape, points: [number, number][]): number {
  const [x, y] = points.at(-1)!;
  return landscape.f(x, y);
}

function distanceToNearestMinimum(landscape: Landscape, [x, y]: [number, number]): number {
  return Math.min(...landscape.minima.map(([mx, my]) => Math.hypot(x - mx, y - my)));
}

/** The first iteration whose f is within `tolerance` of the minimum value 0, or null. */
function iterationsTo(landscape: Landscape, points: [number, number][], tolerance: number): number | null {
  const k = points.findIndex(([x, y]) => landscape.f(x, y) < tolerance);
  return k === -1 ? null : k;
}

export const landscapesExperiment: Experiment = {
  name: "landscapes",
  title: "2. Optimizer paths on 2-D landscapes",
  summary: "paths of the optimizers and Newton on an ill-conditioned quadratic, Rosenbrock, Beale, the saddle y⁴ − x⁴ and Himmelblau",
  usesImageData: false,
  run(context) {
    context.progress.start("landscapes", landscapes.length * pathMethods.length);
    const runs = new Map<Landscape, PathRun[]>();
    for (const landscape of landscapes) {
      runs.set(
        landscape,
        pathMethods.map((m) => {
          const run = bestPath(landscape, m);
          context.progress.tick();
          return run;
        }),
      );
    }
    context.progress.done();

    const tables: ResultTable[] = landscapes.map((landscape) => {
      const escape = landscape === saddle;
      return {
        title: `${landscape.title}: ${landscape.iterations} iterations from (${landscape.start.join(", ")})`,
        columns: [
          { label: "method", format: "text" },
          { label: "lr (best of grid)", format: "sci" },
          { label: "final f", format: "sci" },
          { label: "final point", format: "text" },
          escape ? { label: "iterations to |x| > 1", format: "integer" } : { label: "distance to nearest minimum", format: "sci" },
          escape ? { label: "still near the saddle", format: "text" } : { label: "iterations to f < 1e-3", format: "integer" },
        ],
        rows: runs.get(landscape)!.map((run) => {
          const last = run.points.at(-1)!;
          const point = `(${last.map((v) => (Math.abs(v) < 1e3 ? v.toFixed(3) : v.toExponential(1))).join(", ")})`;
          if (escape) {
            const k = run.points.findIndex(([x]) => Math.abs(x) > 1);
            return [run.method, run.lr, finalValue(landscape, run.points), point, k === -1 ? null : k, Math.hypot(...last) < 0.3 ? "yes" : "no"];
          }
          return [run.method, run.lr, finalValue(landscape, run.points), point, distanceToNearestMinimum(landscape, last), iterationsTo(landscape, run.points, 1e-3)];
        }),
      };
    });

    const figures: Figure[] = landscapes.map((landscape) => contourOf(landscape, runs.get(landscape)!.map((run) => pathSeries(run))));
    for (const landscape of [rosenbrock, beale]) {
      figures.push({
        kind: "line",
        id: `landscapes-${landscape.id}-values`,
        title: `${landscape.id === "rosenbrock" ? "Rosenbrock" : "Beale"}: f along the path`,
        xLabel: "iteration",
        yLabel: "f (log scale)",
        yScale: "log",
        yRange: [1e-12, 1e4],
        series: runs.get(landscape)!.map((run) => ({ name: run.method, points: run.points.map(([x, y], k) => [k, landscape.f(x, y)] as [number, number]) })),
      });
    }

    const run = (landscape: Landscape, method: PathMethod): PathRun => runs.get(landscape)!.find((r) => r.method === method)!;
    const end = (landscape: Landscape, method: PathMethod): [number, number] => run(landscape, method).points.at(-1)!;
    const himmelblauMinima = new Set(
      runs
        .get(himmelblau)!
        .filter((r) => r.method !== "Newton")
        .map((r) => {
          const [x, y] = r.points.at(-1)!;
          const k = himmelblau.minima.findIndex(([mx, my]) => Math.hypot(x - mx, y - my) < 0.05);
          return k;
        })
        .filter((k) => k !== -1),
    );
    const newtonSaddle = Math.hypot(...end(saddle, "Newton"));
    const newtonHimmelblau = end(himmelblau, "Newton");
    const claims: Claim[] = [
      {
        text: `Momentum gets further down Rosenbrock's valley than SGD, each with its best learning rate (f = ${fmt(run(rosenbrock, "Momentum").final)} vs ${fmt(run(rosenbrock, "SGD").final)})`,
        holds: run(rosenbrock, "Momentum").final < run(rosenbrock, "SGD").final,
      },
      {
        text: `On the saddle y⁴ − x⁴, SGD is still at |x| = ${Math.abs(end(saddle, "SGD")[0]).toFixed(3)} after ${saddle.iterations} iterations while Adam and RMSProp escape (|x| > 1)`,
        holds: Math.abs(end(saddle, "SGD")[0]) < 0.2 && Math.abs(end(saddle, "Adam")[0]) > 1 && Math.abs(end(saddle, "RMSProp")[0]) > 1,
      },
      {
        text: `Plain Newton goes to the nearest stationary point whatever its kind: the saddle (distance ${fmt(newtonSaddle)} from (0, 0)) and Himmelblau's local maximum (−0.271, −0.923)`,
        holds: newtonSaddle < 1e-3 && Math.hypot(newtonHimmelblau[0] + 0.270845, newtonHimmelblau[1] + 0.923039) < 1e-3,
      },
      {
        text: `Adam finds Beale's minimum (3, 0.5) to within ${fmt(distanceToNearestMinimum(beale, end(beale, "Adam")))}`,
        holds: distanceToNearestMinimum(beale, end(beale, "Adam")) < 0.01,
      },
      {
        text: `From one start on Himmelblau's function the first-order methods end in ${himmelblauMinima.size} different minima`,
        holds: himmelblauMinima.size >= 2,
      },
    ];
    const holding = claims.filter((c) => c.holds).length;
    return {
      name: "landscapes",
      title: landscapesExperiment.title,
      description:
        "Each optimizer of @descent/optim moves a two-element parameter over a function of two variables, with the learning rate from a small grid that ends lowest; " +
        "plain Newton (x ← x − H⁻¹∇f) is drawn beside them. The paths show zig-zags across a narrow valley, momentum's overshoot, " +
        "the adaptive methods' sign-like first steps, and Newton's attraction to saddles and maxima.",
      headline: `${holding} of ${claims.length} lecture claims hold on these landscapes; Newton needs ${iterationsTo(rosenbrock, run(rosenbrock, "Newton").points, 1e-3) ?? "—"} iterations on Rosenbrock, the best first-order method ${Math.min(...runs.get(rosenbrock)!.filter((r) => r.method !== "Newton").map((r) => iterationsTo(rosenbrock, r.points, 1e-3) ?? Infinity))}.`,
      claims,
      tables,
      figures,
      settings: { iterations: landscapes.map((l) => `${l.id} ${l.iterations}`).join(", "), "learning rates": "best of a grid per method and function" },
    };
  },
};

function pathSeries(run: PathRun): Series {
  return { name: run.lr === null ? run.method : `${run.method} (lr ${run.lr})`, points: run.points };
}

function fmt(value: number): string {
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? value.toPrecision(3) : value.toExponential(1);
}
