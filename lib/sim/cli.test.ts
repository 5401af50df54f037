import { describe, expect, it } from "vitest";
import { main } from "../../scripts/sim";

function run(args: string[]) {
  let out = "";
  let err = "";
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("scripts/sim.ts CLI", () => {
  it("Dpp example (Kicheva et al. 2007): --D 0.1 --k 2.5e-4 --json gives λ ≈ 20 µm", () => {
    const { code, out, err } = run(["--D", "0.1", "--k", "2.5e-4", "--x", "10,20,40", "--json"]);
    expect(code).toBe(0);
    expect(err).toBe("");
    const j = JSON.parse(out);
    expect(j.decayLength.unit).toBe("µm");
    expect(j.decayLength.value).toBeGreaterThan(19.99);
    expect(j.decayLength.value).toBeLessThan(20.01);
    expect(j.parameters.D).toEqual({ value: 0.1, unit: "µm²/s" });
    expect(j.parameters.k).toEqual({ value: 2.5e-4, unit: "1/s" });
    // profile: C0 = s/√(Dk) = 200 nM, occupancy = C/(C + Kd)
    const rows = j.steadyStateProfile.rows;
    expect(rows[0].distance).toBe(0);
    expect(rows[0].concentration).toBeCloseTo(200, 8);
    expect(rows[0].occupancy).toBeCloseTo(200 / 201, 12);
    expect(j.steadyStateProfile.units).toEqual({ distance: "µm", concentration: "nM", occupancy: "dimensionless (0–1)" });
    // time to 90 %: mpmath reference 6952.51, 8416.63, 11204.95 s
    const t = j.timeToFraction.rows.map((r: { time: number }) => r.time);
    expect(j.timeToFraction.unit).toBe("s");
    [6952.5104917206, 8416.6331469198, 11204.948921291].forEach((ref, i) => expect(Math.abs(t[i] / ref - 1)).toBeLessThan(1e-8));
    // signalling range λ·ln(C0/C*) with C* = Kd = 1 nM
    expect(j.signallingRange.unit).toBe("µm");
    expect(j.signallingRange.value).toBeCloseTo(20 * Math.log(200), 8);
  });

  it("prints a readable table without --json", () => {
    const { code, out } = run(["--D", "0.1", "--k", "2.5e-4"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Decay length .*: 20 µm/);
    expect(out).toMatch(/Time to reach 90 % of steady state/);
    expect(out).toMatch(/Signalling range/);
  });

  it("3-D and matrix options", () => {
    const { code, out } = run(["--D", "0.1", "--k", "2.5e-4", "--geometry", "3d", "--radius", "5", "--matrix-ratio", "3", "--matrix-mode", "removed", "--x", "0,10", "--json"]);
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.decayLength.value).toBeCloseTo(10, 10); // 20/√(1+3)
    expect(j.model.matrix).toEqual({ model: "fast-equilibrium", mode: "removed", boundFreeRatio: 3 });
    expect(j.timeToFraction.method).toBe("numerical");
  });

  it.each([
    [["--k", "1"], /missing required option --D/],
    [["--D", "abc", "--k", "1"], /--D expects a number/],
    [["--D", "1", "--k", "1", "--bogus", "2"], /Unknown option/],
    [["--D=-1", "--k", "1"], /D must be > 0/],
    [["--D", "1", "--k", "1", "--geometry", "2d"], /--geometry must be 1d or 3d/],
    [["--D", "1", "--k", "1", "--x", "1,,2"], /--x expects a comma-separated list/],
    [["--D", "1", "--k", "1", "--kon", "1"], /needs all of --kon, --koff and --bmax/],
    [["--D", "1", "--k", "1", "--threshold", "1.5"], /threshold must be ≤ 1/],
  ])("bad arguments %j: one line on stderr, exit code 2", (args, msg) => {
    const { code, out, err } = run(args as string[]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(msg as RegExp);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it.each(["0x10", "0b1", "0o7", "Infinity", "1_000", "1e", ".", "1.2.3", "+-1", " "])("--D %j is not a number (only plain decimal or scientific notation)", (raw) => {
    const { code, out, err } = run(["--D", raw, "--k", "1"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/--D expects a number in decimal or scientific notation/);
  });

  it.each(["16", "1.5", ".5", "5.", "2.5e-4", "1E3", "+3", "1e+2"])("--D %j is accepted", (raw) => {
    const { code, err } = run(["--D", raw, "--k", "1", "--json", "--points", "3"]);
    expect(err).toBe("");
    expect(code).toBe(0);
  });

  it("a tiny D gets a physical message (years to cross 10 µm), exit 2", () => {
    const { code, err } = run(["--D", "1e-9", "--k", "1e-3"]);
    expect(code).toBe(2);
    expect(err).toMatch(/^sim: D = 1e-9 µm²\/s: the signal would take ~1600 years to cross 10 µm/);
    expect(err).not.toMatch(/dtMin/);
  });

  it("a run over the work budget is refused before the work: one line, exit 3", () => {
    const { code, out, err } = run(["--D", "0.1", "--k", "2.5e-4", "--kon", "1", "--koff", "1e-9", "--bmax", "1e9"]);
    expect(code).toBe(3);
    expect(out).toBe("");
    expect(err).toMatch(/^sim: this run needs ~\S+ time steps .* more than the budget of 5e\+7 cell-steps .*shorten t-end/);
    expect(err.trim().split("\n")).toHaveLength(1);
    // --max-work lowers (or raises) the budget
    const low = run(["--D", "0.1", "--k", "2.5e-4", "--max-work", "1e5"]);
    expect(low.code).toBe(3);
    expect(low.err).toMatch(/budget of 1e\+5 cell-steps/);
  });

  it("--tau prints τ(x) = (1 + x/λ)/(2k); --json carries it too", () => {
    const { code, out } = run(["--D", "0.1", "--k", "2.5e-4", "--x", "0,20", "--tau"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Mean local accumulation time τ\(x\)/);
    expect(out).toMatch(/^\s+0\s+2000\s+0\.556\s*$/m);
    expect(out).toMatch(/^\s+20\s+4000\s+1\.11\s*$/m);
    const j = JSON.parse(run(["--D", "0.1", "--k", "2.5e-4", "--x", "0,20", "--geometry", "3d", "--json"]).out);
    // sphere a = 5 µm, λ = 20 µm: (d/λ + a/(a + λ))/(2k)
    expect(j.accumulationTime.rows[0].tau).toBeCloseTo(0.2 / 5e-4, 6);
    expect(j.accumulationTime.rows[1].tau).toBeCloseTo(1.2 / 5e-4, 6);
  });

  it("--t prints the profile at that time, next to the exact value; --t-end stops the run there", () => {
    const { code, out } = run(["--D", "1", "--k", "0.01", "--t", "200", "--points", "5", "--xmax", "20"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Profile at t = 200 s/);
    const j = JSON.parse(run(["--D", "1", "--k", "0.01", "--t", "200", "--points", "5", "--xmax", "20", "--json"]).out);
    const rows = j.snapshots[0].rows as Array<{ concentration: number; exact: number }>;
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(Math.abs(r.concentration / r.exact - 1)).toBeLessThan(0.01);
    const e = JSON.parse(run(["--D", "1", "--k", "0.01", "--t-end", "50", "--json"]).out);
    expect(e.numerics.endTime).toBe(50);
  });

  it("--help exits 0", () => {
    const { code, out } = run(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: npm run sim/);
  });
});
