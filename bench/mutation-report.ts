// Mutation scores per file and per folder from a Stryker JSON report (default
// reports/mutation/mutation.json, written by `npm run mutation`), and the surviving mutants.
//   npx tsx bench/mutation-report.ts [report.json] [--survivors] [--no-static]
// --no-static leaves out static mutants (module-level code), to compare with an ignoreStatic run.
// Score = detected / (detected + undetected), as Stryker counts it: killed and timed-out mutants are
// detected; survived and uncovered ones are not; compile errors and ignored (disabled) ones are left out.
import { readFileSync } from "node:fs";
import path from "node:path";

interface Mutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  static?: boolean;
  statusReason?: string;
  location: { start: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--")) ?? "reports/mutation/mutation.json";
const noStatic = args.includes("--no-static");
const report = JSON.parse(readFileSync(file, "utf8")) as Report;

interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  errors: number;
}
const empty = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
function add(t: Tally, status: string) {
  if (status === "Killed") t.killed++;
  else if (status === "Timeout") t.timeout++;
  else if (status === "Survived") t.survived++;
  else if (status === "NoCoverage") t.noCoverage++;
  else if (status === "Ignored") t.ignored++;
  else t.errors++; // CompileError, RuntimeError, Pending
}
const score = (t: Tally) => {
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t.noCoverage;
  return valid === 0 ? "  n/a" : `${((100 * detected) / valid).toFixed(1).padStart(5)}%`;
};
const row = (name: string, t: Tally) =>
  `${name.padEnd(34)} ${score(t)} ${String(t.killed).padStart(6)} ${String(t.timeout).padStart(4)} ${String(t.survived).padStart(5)} ${String(t.noCoverage).padStart(5)} ${String(t.ignored).padStart(5)} ${String(t.errors).padStart(4)}`;

const byFile = new Map<string, Tally>();
const byFolder = new Map<string, Tally>();
const total = empty();
for (const [name, f] of Object.entries(report.files)) {
  const rel = path.isAbsolute(name) ? path.relative(process.cwd(), name) : name;
  const folder = path.dirname(rel);
  const t = empty();
  for (const m of f.mutants.filter((x) => !(noStatic && x.static))) {
    add(t, m.status);
    add(total, m.status);
    if (!byFolder.has(folder)) byFolder.set(folder, empty());
    add(byFolder.get(folder)!, m.status);
  }
  byFile.set(rel, t);
}

const header = `${"".padEnd(34)}  score killed time surv nocov ignor err`;
console.log(header);
for (const [name, t] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) console.log(row(name, t));
console.log("");
for (const [name, t] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) console.log(row(`${name}/`, t));
console.log(row("all", total));

if (args.includes("--survivors")) {
  console.log("\nNot detected (survived or no coverage):");
  for (const [name, f] of Object.entries(report.files)) {
    const lines = f.source.split("\n");
    for (const m of f.mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
      const { line, column } = m.location.start;
      console.log(`${path.relative(process.cwd(), path.resolve(name))}:${line}:${column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? "")}`);
      console.log(`    ${lines[line - 1]?.trim().slice(0, 160)}`);
    }
  }
}
