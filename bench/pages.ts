// Loads the learner dashboard and a lesson page under concurrency with autocannon, next to two floors
// measured in the same run on the same server: a static page, and a trivial dynamic page behind the
// same session check (/account). Prints requests/s, p50 and p99 and the ratios the targets use.
//   npx tsx --conditions=react-server bench/generate.ts         # once: 10,000 learners
//   npx tsx bench/pages.ts [--db bench/out/bench.db] [--seconds 10] [--connections 32]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({ options: { db: { type: "string", default: "bench/out/bench.db" }, seconds: { type: "string", default: "10" }, connections: { type: "string", default: "32" }, port: { type: "string", default: "3300" } } });
const dbFile = path.resolve(values.db!);
if (!existsSync(dbFile)) {
  console.error(`No data set at ${dbFile}: run npx tsx --conditions=react-server bench/generate.ts first.`);
  process.exit(2);
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run npm run build first.");
  process.exit(2);
}
const port = Number(values.port);
const base = `http://localhost:${port}`;
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${dbFile}`,
  DATA_DIR: path.join(path.dirname(dbFile), "data"),
  NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  NEXTAUTH_URL: base,
};
const server = spawn("node_modules/.bin/next", ["start", "-p", String(port)], { env, stdio: ["ignore", "ignore", "inherit"] });
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function signIn(email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session.split(";")[0];
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string, cookie?: string): Promise<Result> {
  const opts = { url: `${base}${url}`, connections: Number(values.connections), headers: cookie ? { cookie } : {} };
  await autocannon({ ...opts, duration: 2 }); // warm-up
  const r = await autocannon({ ...opts, duration: Number(values.seconds) });
  return { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}

async function main() {
  await waitForServer();
  const cookie = await signIn("bench-learner-0@paracrine.test", "bench-password");
  const lesson = "/courses/paracrine-signalling/lessons/gradients-and-decay-length";
  for (const [u, label] of [["/dashboard", "dashboard"], [lesson, "lesson"], ["/account", "account"]] as const) {
    const res = await fetch(`${base}${u}`, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${label} answered ${res.status}: is bench-learner-0 enrolled?`);
  }
  const results = [
    await load("static page (floor)", "/bench-static.html"),
    await load("dynamic page + session check (floor: /account)", "/account", cookie),
    await load("dashboard", "/dashboard", cookie),
    await load("lesson page", lesson, cookie),
  ];
  console.log(`\n${values.connections} connections, ${values.seconds} s each, data set ${path.relative(process.cwd(), dbFile)}\n`);
  console.log("page".padEnd(50) + "req/s".padStart(8) + "p50 ms".padStart(9) + "p99 ms".padStart(9) + "errors".padStart(8));
  for (const r of results) console.log(r.name.padEnd(50) + String(r.rps).padStart(8) + String(r.p50).padStart(9) + String(r.p99).padStart(9) + String(r.errors).padStart(8));
  const [stat, dyn, dash, les] = results;
  console.log(`\ndashboard / dynamic floor: ${((dash.rps / dyn.rps) * 100).toFixed(0)}% (target ≥ 80%)`);
  console.log(`lesson / static floor:     ${((les.rps / stat.rps) * 100).toFixed(0)}% (target ≥ 50%)`);
  stop();
  process.exit(results.some((r) => r.errors > 0) ? 1 : 0);
}

main().catch((e: Error) => {
  console.error(`bench failed: ${e.message}`);
  stop();
  process.exit(1);
});
