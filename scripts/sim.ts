/**
 * Command-line front end of the paracrine gradient simulator (lib/sim).
 *
 *   npm run sim -- --D 0.1 --k 2.5e-4 [--kd 1 --hill 1 --secretion 1 --x 10,20,40
 *                  --geometry 1d|3d --matrix-ratio 0 --matrix-mode protected|removed
 *                  --threshold 0.5 --radius 5] [--json]
 *
 * Prints the decay length, the steady-state profile, the time to reach 90 % of
 * steady state at the chosen distances, the signalling range and the
 * parameters used, each with its unit. Bad arguments: one line on stderr, exit 2;
 * a run that would exceed the work budget: one line on stderr, exit 3.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SimBudgetError, SimInputError } from "../lib/sim/errors";
import { simulateGradient, type GradientInput, type GradientResult } from "../lib/sim/gradient";
import type { MatrixSpec } from "../lib/sim/params";
import type { SecretionSchedule } from "../lib/sim/schedule";
import { moleculesToNmUm3 } from "../lib/sim/units";

export const USAGE = `Usage: npm run sim -- --D <µm²/s> --k <1/s> [options]

Required:
  --D <number>             diffusion coefficient of free ligand, µm²/s
  --k <number>             first-order removal rate, 1/s
Receptor and source:
  --kd <number>            receptor dissociation constant Kd, nM (default 1)
  --hill <number>          Hill coefficient n (default 1)
  --secretion <number>     secretion flux density at the source surface, nM·µm/s (default 1)
  --geometry 1d|3d         flat source (1d, default) or spherical source cell (3d)
  --radius <number>        3d source-cell radius, µm (default 5)
  --source-rate <number>   3d total secretion rate Q, nM·µm³/s (instead of --secretion)
  --source-molecules <n>   3d total secretion rate, molecules/s (instead of --secretion)
Matrix binding:
  --matrix-ratio <number>  R = Bmax/Kd_matrix, fast-equilibrium limit (default 0)
  --matrix-mode <mode>     protected (bound ligand not removed, default) or removed
  --kon, --koff, --bmax    kinetic matrix binding instead (1/(nM·s), 1/s, nM)
Interventions:
  --inhibitor <factor>     multiply k by this factor (enzyme inhibitor)
  --antibody <rate>        extra removal of free ligand k_ab, 1/s
  --bmax-factor <factor>   multiply matrix binding sites (e.g. heparanase < 1)
Outputs:
  --x <list>               distances from the source, µm, comma-separated (default 0, λ/2, λ, 2λ, 4λ)
  --threshold <number>     occupancy threshold θ* for the signalling range (default 0.5)
  --fraction <number>      fraction of steady state for the local time (default 0.9)
  --points <n>             points in the printed profile (default 21)
  --xmax <number>          profile extent, µm (default 5λ)
  --pulse <seconds>        secrete for this long, then stop (pulsed release)
  --period <seconds>       with --pulse: repeat the pulse with this period
  --t <list>               also print the whole profile at these times, s, comma-separated
  --t-end <seconds>        end of the simulated time (default from the physics; see docs/simulator.md)
  --tau                    print the mean local accumulation time τ(x) = ∫(1 − C/C_ss) dt
  --max-work <number>      work budget, time steps × grid cells (default 5e7, about 1–2 s)
  --json                   print JSON instead of a table
  --help                   show this help`;

const OPTIONS = {
  D: { type: "string" },
  k: { type: "string" },
  kd: { type: "string" },
  hill: { type: "string" },
  secretion: { type: "string" },
  geometry: { type: "string" },
  radius: { type: "string" },
  "source-rate": { type: "string" },
  "source-molecules": { type: "string" },
  "matrix-ratio": { type: "string" },
  "matrix-mode": { type: "string" },
  kon: { type: "string" },
  koff: { type: "string" },
  bmax: { type: "string" },
  inhibitor: { type: "string" },
  antibody: { type: "string" },
  "bmax-factor": { type: "string" },
  x: { type: "string" },
  threshold: { type: "string" },
  fraction: { type: "string" },
  points: { type: "string" },
  xmax: { type: "string" },
  pulse: { type: "string" },
  period: { type: "string" },
  t: { type: "string" },
  "t-end": { type: "string" },
  tau: { type: "boolean" },
  "max-work": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

class UsageError extends Error {}

// Plain decimal or scientific notation only: Number() would also accept "0x10" (16), "0b1",
// "Infinity" and "", none of which a user typing a physical value means.
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function num(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  const v = PLAIN_NUMBER.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(v)) throw new UsageError(`--${name} expects a number in decimal or scientific notation such as 0.1 or 2.5e-4 (got "${raw}")`);
  return v;
}

function numList(name: string, raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(",").map((p) => p.trim());
  if (parts.some((p) => p === "")) throw new UsageError(`--${name} expects a comma-separated list of numbers (got "${raw}")`);
  return parts.map((p) => num(name, p) as number);
}

/** Parses argv (without node and script) into a GradientInput plus output flags. */
export function parseCli(argv: string[]): { input: GradientInput; json: boolean; help: boolean; tau: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n").join(" "));
  }
  const v = parsed.values;
  if (v.help) return { input: { D: 1, k: 1 }, json: false, help: true, tau: false };
  const D = num("D", v.D);
  const k = num("k", v.k);
  if (D === undefined) throw new UsageError("missing required option --D (diffusion coefficient, µm²/s)");
  if (k === undefined) throw new UsageError("missing required option --k (removal rate, 1/s)");
  const geometry = v.geometry ?? "1d";
  if (geometry !== "1d" && geometry !== "3d") throw new UsageError(`--geometry must be 1d or 3d (got "${geometry}")`);
  const mode = v["matrix-mode"] ?? "protected";
  if (mode !== "protected" && mode !== "removed") throw new UsageError(`--matrix-mode must be protected or removed (got "${mode}")`);
  const ratio = num("matrix-ratio", v["matrix-ratio"]);
  const kon = num("kon", v.kon);
  const koff = num("koff", v.koff);
  const bmax = num("bmax", v.bmax);
  let matrix: MatrixSpec | null = null;
  const kineticGiven = [kon, koff, bmax].filter((x) => x !== undefined).length;
  if (kineticGiven > 0) {
    if (kineticGiven < 3) throw new UsageError("kinetic matrix binding needs all of --kon, --koff and --bmax");
    if (ratio !== undefined) throw new UsageError("give either --matrix-ratio or --kon/--koff/--bmax, not both");
    matrix = { model: "kinetic", mode, kon: kon as number, koff: koff as number, bmax: bmax as number };
  } else if (ratio !== undefined) {
    matrix = { model: "fast", mode, ratio };
  } else if (v["matrix-mode"] !== undefined) {
    throw new UsageError("--matrix-mode needs --matrix-ratio (or --kon/--koff/--bmax)");
  }
  const sourceRate = num("source-rate", v["source-rate"]);
  const molecules = num("source-molecules", v["source-molecules"]);
  if (sourceRate !== undefined && molecules !== undefined) throw new UsageError("give either --source-rate or --source-molecules, not both");
  if ((sourceRate !== undefined || molecules !== undefined) && geometry !== "3d") {
    throw new UsageError("--source-rate/--source-molecules apply to --geometry 3d only");
  }
  if ((sourceRate !== undefined || molecules !== undefined) && v.secretion !== undefined) {
    throw new UsageError("give either --secretion or a 3d total rate, not both");
  }
  if (v.radius !== undefined && geometry !== "3d") throw new UsageError("--radius applies to --geometry 3d only");
  const pulse = num("pulse", v.pulse);
  const period = num("period", v.period);
  let schedule: SecretionSchedule | undefined;
  if (period !== undefined && pulse === undefined) throw new UsageError("--period needs --pulse");
  if (pulse !== undefined) schedule = period !== undefined ? { kind: "periodic", duration: pulse, period } : { kind: "pulse", duration: pulse };
  const points = num("points", v.points) ?? 21;
  const snapshotTimes = numList("t", v.t);
  const tEnd = num("t-end", v["t-end"]);
  const maxWork = num("max-work", v["max-work"]);
  const xmax = num("xmax", v.xmax);
  const input: GradientInput = {
    geometry,
    D,
    k,
    Kd: num("kd", v.kd),
    hill: num("hill", v.hill),
    secretion: num("secretion", v.secretion),
    sourceRate: molecules !== undefined ? moleculesToNmUm3(molecules) : sourceRate,
    radius: num("radius", v.radius),
    matrix,
    interventions: {
      inhibitorFactor: num("inhibitor", v.inhibitor),
      antibodyRate: num("antibody", v.antibody),
      bmaxFactor: num("bmax-factor", v["bmax-factor"]),
    },
    threshold: num("threshold", v.threshold),
    fraction: num("fraction", v.fraction),
    distances: numList("x", v.x),
    schedule,
    profile: { points, xMax: xmax },
    snapshotTimes,
    tEnd,
    numerics: maxWork !== undefined ? { workBudget: maxWork } : undefined,
  };
  // drop undefined keys so library defaults apply
  for (const key of Object.keys(input) as Array<keyof GradientInput>) if (input[key] === undefined) delete input[key];
  const iv = input.interventions as Record<string, unknown>;
  for (const key of Object.keys(iv)) if (iv[key] === undefined) delete iv[key];
  return { input, json: Boolean(v.json), help: false, tau: Boolean(v.tau) };
}

const q = (value: number | null, unit: string) => ({ value, unit });

/** The report printed by the CLI (JSON form). */
export function buildReport(r: GradientResult) {
  const u = r.units;
  return {
    model: {
      geometry: r.geometry,
      matrix: r.matrix,
      description:
        r.geometry === "1d"
          ? "flat source at x = 0 with flux −D∂C/∂x = s; zero flux at the far end of the numerical domain"
          : "spherical source cell of radius a secreting Q = 4πa²·s; distances measured from the cell surface",
    },
    parameters: {
      D: q(r.parameters.D, u.D),
      k: q(r.parameters.k, u.k),
      Kd: q(r.parameters.Kd, u.Kd),
      hill: q(r.parameters.hill, "dimensionless"),
      secretion: q(r.parameters.secretion, u.secretion),
      sourceRate: q(r.parameters.sourceRate, u.sourceRate),
      sourceRateMolecules: q(r.parameters.sourceRateMolecules, u.sourceRateMolecules),
      radius: q(r.parameters.radius, u.distance),
      threshold: q(r.parameters.threshold, "occupancy (0–1)"),
      fraction: q(r.parameters.fraction, "fraction of steady state"),
      matrix: r.parameters.matrix,
      interventions: r.parameters.interventions,
      schedule: r.parameters.schedule,
    },
    effective: {
      kFree: q(r.effective.kFree, u.k),
      kSteady: q(r.effective.kSteady, u.k),
      Deff: q(r.effective.Deff, u.D),
      keff: q(r.effective.keff, u.k),
      timeScale: q(r.effective.timeScale, u.time),
    },
    decayLength: q(r.decayLength, u.distance),
    apparentDecayLength: r.geometry === "3d" ? q(r.apparentDecayLength, u.distance) : undefined,
    sourceConcentration: q(r.sourceConcentration, u.concentration),
    steadyStateProfile: r.steadyState
      ? {
          units: { distance: u.distance, concentration: u.concentration, occupancy: u.occupancy },
          method: r.steadyState.method,
          numericalMaxRelativeDeviation: r.numericalSteadyState?.maxRelativeDeviation ?? null,
          rows: r.steadyState.distance.map((x, i) => ({
            distance: x,
            concentration: r.steadyState!.concentration[i],
            occupancy: r.steadyState!.occupancy[i],
          })),
        }
      : null,
    timeToFraction: r.timeToFraction
      ? {
          fraction: r.timeToFraction.fraction,
          unit: u.time,
          method: r.timeToFraction.method,
          rows: r.timeToFraction.distance.map((x, i) => ({
            distance: x,
            time: r.timeToFraction!.time[i],
            numerical: r.timeToFraction!.numerical ? r.timeToFraction!.numerical[i] : null,
          })),
        }
      : null,
    accumulationTime: r.timeToFraction?.accumulationTime
      ? {
          unit: u.time,
          definition: "τ(x) = ∫₀^∞ (1 − C(x,t)/C_ss(x)) dt after secretion is switched on (exact)",
          rows: r.timeToFraction.distance.map((x, i) => ({ distance: x, tau: r.timeToFraction!.accumulationTime![i] })),
        }
      : null,
    snapshots: r.snapshots
      ? r.snapshots.map((sn) => ({
          time: q(sn.time, u.time),
          units: { distance: u.distance, concentration: u.concentration },
          rows: sn.distance.map((x, i) => ({ distance: x, concentration: sn.concentration[i], exact: sn.exact ? sn.exact[i] : null, occupancy: sn.occupancy[i] })),
        }))
      : null,
    signallingRange: r.signallingRange
      ? {
          value: r.signallingRange.range,
          unit: u.distance,
          threshold: r.signallingRange.threshold,
          thresholdConcentration: q(r.signallingRange.thresholdConcentration, u.concentration),
          method: r.signallingRange.method,
        }
      : null,
    pulses: r.pulses
      ? {
          units: { distance: u.distance, peakConcentration: u.concentration, peakTime: u.time },
          rows: r.pulses.distance.map((x, i) => ({
            distance: x,
            peakConcentration: r.pulses!.peakConcentration[i],
            peakTime: r.pulses!.peakTime[i],
            peakOccupancy: r.pulses!.peakOccupancy[i],
          })),
        }
      : null,
    numerics: r.numerics,
    warnings: r.warnings,
  };
}

function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return "—";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

export function formatTable(r: GradientResult, opts: { tau?: boolean } = {}): string {
  const lines: string[] = [];
  const p = r.parameters;
  lines.push(`Paracrine gradient (${r.geometry === "1d" ? "1-D, flat source" : `3-D, source cell of radius ${fmt(p.radius)} µm`})`);
  lines.push(
    `  D = ${fmt(p.D)} µm²/s   k = ${fmt(p.k)} 1/s   Kd = ${fmt(p.Kd)} nM   n = ${fmt(p.hill)}   secretion = ${fmt(p.secretion)} nM·µm/s` +
      (p.sourceRate !== null ? `   (Q = ${fmt(p.sourceRate)} nM·µm³/s = ${fmt(p.sourceRateMolecules)} molecules/s)` : ""),
  );
  lines.push(`  matrix: ${r.matrix.model}${r.matrix.model !== "none" ? `, ${r.matrix.mode}, bound/free = ${fmt(r.matrix.boundFreeRatio)}` : ""}`);
  const iv = p.interventions;
  if (Object.keys(iv).length) lines.push(`  interventions: ${JSON.stringify(iv)}`);
  lines.push("");
  lines.push(`Decay length λ = √(D/k_steady): ${fmt(r.decayLength)} µm`);
  if (r.geometry === "3d") lines.push(`Apparent decay length (e-fold from the cell surface): ${fmt(r.apparentDecayLength)} µm`);
  lines.push(`Time scale 1/k_eff: ${fmt(r.effective.timeScale)} s`);
  lines.push(`Free ligand at the source: ${fmt(r.sourceConcentration)} nM`);
  if (r.signallingRange) {
    lines.push(
      `Signalling range (occupancy ≥ ${fmt(r.signallingRange.threshold)}, C* = ${fmt(r.signallingRange.thresholdConcentration)} nM): ${fmt(r.signallingRange.range)} µm`,
    );
  }
  if (r.steadyState) {
    lines.push("");
    lines.push("Steady-state profile");
    lines.push(`${pad("distance (µm)", 14)} ${pad("C (nM)", 12)} ${pad("occupancy", 10)}`);
    r.steadyState.distance.forEach((x, i) => {
      lines.push(`${pad(fmt(x), 14)} ${pad(fmt(r.steadyState!.concentration[i]), 12)} ${pad(fmt(r.steadyState!.occupancy[i], 3), 10)}`);
    });
    if (r.numericalSteadyState?.maxRelativeDeviation != null) {
      lines.push(`(numerical solver agrees within ${fmt(100 * r.numericalSteadyState.maxRelativeDeviation, 2)} %)`);
    }
  }
  if (r.timeToFraction) {
    const f = r.timeToFraction;
    lines.push("");
    lines.push(`Time to reach ${fmt(100 * f.fraction)} % of steady state (${f.method})`);
    lines.push(`${pad("distance (µm)", 14)} ${pad("time (s)", 12)} ${pad("time (h)", 10)}${f.numerical && f.exact ? pad("numerical (s)", 15) : ""}`);
    f.distance.forEach((x, i) => {
      const t = f.time[i];
      lines.push(
        `${pad(fmt(x), 14)} ${pad(fmt(t, 5), 12)} ${pad(fmt(t === null ? null : t / 3600, 3), 10)}${f.numerical && f.exact ? pad(fmt(f.numerical[i], 5), 15) : ""}`,
      );
    });
  }
  if (opts.tau) {
    const f = r.timeToFraction;
    lines.push("");
    if (f?.accumulationTime) {
      lines.push("Mean local accumulation time τ(x) = ∫(1 − C/C_ss) dt (exact)");
      lines.push(`${pad("distance (µm)", 14)} ${pad("τ (s)", 12)} ${pad("τ (h)", 10)}`);
      f.distance.forEach((x, i) => {
        const t = f.accumulationTime![i];
        lines.push(`${pad(fmt(x), 14)} ${pad(fmt(t, 5), 12)} ${pad(fmt(t === null ? null : t / 3600, 3), 10)}`);
      });
    } else {
      lines.push("Mean local accumulation time τ(x): not defined (it needs constant secretion and a steady state)");
    }
  }
  for (const sn of r.snapshots ?? []) {
    lines.push("");
    lines.push(`Profile at t = ${fmt(sn.time)} s`);
    lines.push(`${pad("distance (µm)", 14)} ${pad("C (nM)", 12)}${sn.exact ? pad("exact (nM)", 13) : ""} ${pad("occupancy", 10)}`);
    sn.distance.forEach((x, i) => {
      lines.push(`${pad(fmt(x), 14)} ${pad(fmt(sn.concentration[i]), 12)}${sn.exact ? pad(fmt(sn.exact[i]), 13) : ""} ${pad(fmt(sn.occupancy[i], 3), 10)}`);
    });
  }
  if (r.pulses) {
    lines.push("");
    lines.push("Pulsed release: peak at each distance");
    lines.push(`${pad("distance (µm)", 14)} ${pad("peak C (nM)", 12)} ${pad("at t (s)", 12)} ${pad("occupancy", 10)}`);
    r.pulses.distance.forEach((x, i) => {
      lines.push(`${pad(fmt(x), 14)} ${pad(fmt(r.pulses!.peakConcentration[i]), 12)} ${pad(fmt(r.pulses!.peakTime[i]), 12)} ${pad(fmt(r.pulses!.peakOccupancy[i], 3), 10)}`);
    });
  }
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n") + "\n";
}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

/** Runs the CLI; returns the exit code (0 ok, 2 bad arguments, 3 over the work budget, 1 internal error). */
export function main(argv: string[], io: CliIO = defaultIO): number {
  try {
    const { input, json, help, tau } = parseCli(argv);
    if (help) {
      io.out(USAGE + "\n");
      return 0;
    }
    const result = simulateGradient(input);
    io.out(json ? JSON.stringify(buildReport(result), null, 2) + "\n" : formatTable(result, { tau }));
    return 0;
  } catch (e) {
    if (e instanceof SimBudgetError) {
      io.err(`sim: ${e.message.replace(/\s+/g, " ")}\n`);
      return 3;
    }
    if (e instanceof UsageError || e instanceof SimInputError) {
      io.err(`sim: ${e.message.replace(/\s+/g, " ")} (see --help)\n`);
      return 2;
    }
    io.err(`sim: internal error: ${String((e as Error)?.message ?? e).replace(/\s+/g, " ")}\n`);
    return 1;
  }
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(path.resolve(entry)) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  process.exitCode = main(process.argv.slice(2));
}
