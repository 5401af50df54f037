/**
 * Benchmark of the gradient-lab solvers. Prints figures; asserts nothing.
 *   npx tsx bench/sim-step.ts
 */
import { simulateGradient, type GradientInput } from "../lib/sim/gradient";
import { buildGrid } from "../lib/sim/grid";
import { effectiveCoefficients, resolveTransport, type Transport } from "../lib/sim/params";
import { Solver1D } from "../lib/sim/solver1d";
import { Sheet2D } from "../lib/sim/solver2d";

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { mean, p50: q(0.5), p99: q(0.99), max: s[s.length - 1] };
}

function benchSheet(label: string, transport: Transport, dt: (s: Sheet2D) => number, warmup = 50, n = 200) {
  const sheet = new Sheet2D({
    nx: 200,
    ny: 200,
    h: 1,
    transport,
    sources: [
      { ix: 100, iy: 100, rate: 100 },
      { ix: 40, iy: 150, rate: 50 },
    ],
  });
  const step = dt(sheet);
  for (let i = 0; i < warmup; i++) sheet.step(step);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    sheet.step(step);
    times.push(performance.now() - t0);
  }
  const st = stats(times);
  console.log(
    `${label.padEnd(48)} scheme=${sheet.schemeFor(step).padEnd(18)} mean ${st.mean.toFixed(3)} ms  p50 ${st.p50.toFixed(3)} ms  p99 ${st.p99.toFixed(3)} ms  → ${(1000 / st.mean).toFixed(0)} steps/s`,
  );
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log("\n2-D sheet, 200 × 200 grid (h = 1 µm), 2 source cells; 50 warm-up steps, 200 timed steps");
benchSheet("D = 10 µm²/s, k = 0.01 /s, dt = 0.9·dt_mono", resolveTransport(10, 0.01), (s) => 0.9 * s.dtMonotone());
benchSheet("D = 10 µm²/s, k = 0.01 /s, dt = τ/200 (auto)", resolveTransport(10, 0.01), (s) => s.suggestDt());
benchSheet("matrix fast-equilibrium R = 10 (removed), auto dt", resolveTransport(10, 0.01, { model: "fast", mode: "removed", ratio: 10 }), (s) => s.suggestDt());
benchSheet(
  "kinetic matrix binding (two fields), auto dt",
  resolveTransport(10, 0.01, { model: "kinetic", mode: "protected", kon: 0.01, koff: 0.1, bmax: 100 }),
  (s) => s.suggestDt(),
);
{
  const sheet = new Sheet2D({ nx: 200, ny: 200, h: 1, transport: resolveTransport(10, 0.01), sources: [{ ix: 100, iy: 100, rate: 100 }] });
  const t0 = performance.now();
  sheet.steadyState();
  console.log(`${"2-D exact discrete steady state (ADI iteration)".padEnd(48)} ${(performance.now() - t0).toFixed(1)} ms`);
}

console.log("\n1-D run to steady state (Dpp: D = 0.1 µm²/s, k = 2.5e-4 /s, λ = 20 µm, 40 cells/λ, 12λ domain, to t = 20/k)");
for (const [label, transport] of [
  ["no matrix", resolveTransport(0.1, 2.5e-4)],
  ["fast matrix R = 10, protected", resolveTransport(0.1, 2.5e-4, { model: "fast", mode: "protected", ratio: 10 })],
  ["kinetic matrix (kon·Bmax/koff = 3)", resolveTransport(0.1, 2.5e-4, { model: "kinetic", mode: "protected", kon: 0.01, koff: 0.1, bmax: 30 })],
] as const) {
  const e = effectiveCoefficients(transport);
  const faces = buildGrid({ r0: 0, hFine: e.lambda / 40, fineLength: 12 * e.lambda, totalLength: 12 * e.lambda });
  const reps = 5;
  const times: number[] = [];
  let steps = 0;
  let cells = 0;
  for (let r = 0; r < reps; r++) {
    const sol = new Solver1D({ geometry: "planar", faces, transport, sourceFlux: 1 });
    const t0 = performance.now();
    sol.advance(20 * e.tau, sol.defaultPolicy());
    times.push(performance.now() - t0);
    steps = sol.steps;
    cells = sol.n;
  }
  const st = stats(times.slice(1));
  console.log(`  ${label.padEnd(40)} ${cells} cells, ${steps} steps: ${st.mean.toFixed(1)} ms (${((1000 * st.mean) / steps).toFixed(1)} µs/step)`);
}

console.log("\nsimulateGradient (steady state + time course + t90), mean of 5 after 1 warm-up");
const cases: Array<[string, GradientInput]> = [
  ["1-D Dpp (CLI example)", { D: 0.1, k: 2.5e-4, distances: [10, 20, 40] }],
  ["3-D source cell a = 5 µm, Dpp parameters", { geometry: "3d", D: 0.1, k: 2.5e-4, radius: 5, distances: [0, 10, 20, 40] }],
  ["1-D fast matrix R = 100, removed", { D: 10, k: 0.01, matrix: { model: "fast", mode: "removed", ratio: 100 } }],
];
for (const [label, input] of cases) {
  simulateGradient(input);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    simulateGradient(input);
    times.push(performance.now() - t0);
  }
  console.log(`  ${label.padEnd(44)} ${stats(times).mean.toFixed(1)} ms`);
}

// The runs an independent check found never finishing (docs/simulator.md §5.4), through the CLI's
// own entry point (parsing + simulation + formatting), in this process: median of 3 after a warm-up.
console.log("\nCLI cases that used to run for > 60 s (target < 2 s each); work = steps × cells, budget 5e7");
{
  const { main } = await import("../scripts/sim");
  const cliCases: string[][] = [
    ["--D", "0.1", "--k", "1e-6", "--pulse", "1"],
    ["--D", "0.1", "--k", "1e-6", "--pulse", "1", "--x", "10,20"],
    ["--D", "0.1", "--k", "1e-7", "--pulse", "1", "--x", "10,20"],
    ["--D", "0.1", "--k", "2.5e-4", "--kon", "1", "--koff", "1e-9", "--bmax", "1e9"],
    ["--D", "400", "--k", "0", "--pulse", "1e-8", "--x", "0.05,0.02"],
    ["--D", "400", "--k", "0", "--pulse", "1e-8"],
  ];
  const sink = { out: () => {}, err: () => {} };
  for (const args of cliCases) {
    main([...args, "--json"], sink);
    const times: number[] = [];
    let code = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      code = main([...args, "--json"], sink);
      times.push(performance.now() - t0);
    }
    let detail = "";
    if (code === 0) {
      let json = "";
      main([...args, "--json"], { out: (s) => (json += s), err: () => {} });
      const n = JSON.parse(json).numerics;
      detail = `${n.steps} steps × ${n.cells} cells = ${(n.work / 1e6).toFixed(2)}e6 work, t_end ${Number(n.endTime.toPrecision(3))} s`;
    } else {
      let err = "";
      main(args, { out: () => {}, err: (s) => (err += s) });
      detail = `refused (exit ${code}): ${err.trim().slice(5, 80)}…`;
    }
    console.log(`  ${args.join(" ").padEnd(58)} ${stats(times).p50.toFixed(0).padStart(5)} ms  ${detail}`);
  }
}
