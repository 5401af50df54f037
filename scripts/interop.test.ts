import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { runInteropCli } from "./interop";

const root = path.resolve(__dirname, "..");
const tmp = mkdtempSync(path.join(tmpdir(), "interop-cli-"));

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await runInteropCli(argv, { cwd: root, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe("interop CLI", () => {
  it("exports the demo course as QTI and imports it back into an items file", async () => {
    const zip = path.join(tmp, "bank.zip");
    const exp = await run(["qti-export", "content/paracrine", zip]);
    expect(exp.err).toBe("");
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out).items).toBeGreaterThan(0);
    const yaml = path.join(tmp, "items.yaml");
    const imp = await run(["qti-import", zip, "--out", yaml]);
    expect(imp.code).toBe(0);
    const report = JSON.parse(imp.out);
    expect(report.summary.items).toBe(JSON.parse(exp.out).items);
    expect(report.problems).toEqual([]);
    expect(readFileSync(yaml, "utf8")).toMatch(/^cases:/);
  }, 60_000);

  it("writes a Common Cartridge", async () => {
    const out = path.join(tmp, "course.imscc");
    const r = await run(["cc-export", "content/paracrine", out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).lessons).toBeGreaterThan(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it("refuses an unsafe package with exit code 1 and says why", async () => {
    const evil = path.join(tmp, "evil.zip");
    writeFileSync(evil, zipSync({ "../../etc/x.xml": strToU8("<x/>") }));
    const r = await run(["qti-import", evil]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refused .*not allowed/);
  });

  it("answers bad usage with exit code 2", async () => {
    expect((await run(["qti-export", "content/paracrine"])).code).toBe(2);
    expect((await run(["nope"])).code).toBe(2);
    expect((await run(["cc-export", "a", "b", "--out", "c"])).code).toBe(2);
  });
});
