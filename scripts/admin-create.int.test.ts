// admin:create: creates the first admin or promotes an account, validates like sign-up, and is
// idempotent for an existing admin.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/hash";
import { createUser, TEST_PASSWORD } from "@/prisma/factories";
import { createAdmin, parseAdminArgs } from "./admin-create";

const root = path.resolve(__dirname, "..");

async function row(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, role: true, name: true, tokenVersion: true, disabled: true, passwordHash: true } });
}

describe("createAdmin", () => {
  it("creates an admin with the given password, normalising the email", async () => {
    const r = await createAdmin({ email: "  First.Admin@Example.ORG ", name: "First Admin", password: "a long admin passphrase" });
    expect(r).toEqual({ action: "created", email: "first.admin@example.org", generatedPassword: undefined });
    const u = await row("first.admin@example.org");
    expect(u).toMatchObject({ role: "ADMIN", name: "First Admin", disabled: false });
    expect(await verifyPassword(u!.passwordHash!, "a long admin passphrase")).toBe(true);
  });

  it("generates a random password when none is given, and returns it once", async () => {
    const r = await createAdmin({ email: "generated@example.org" });
    if (r.action !== "created" || !r.generatedPassword) throw new Error("expected a generated password");
    expect(r.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const u = await row("generated@example.org");
    expect(u).toMatchObject({ role: "ADMIN", name: "generated" });
    expect(await verifyPassword(u!.passwordHash!, r.generatedPassword)).toBe(true);
    const again = await createAdmin({ email: "another@example.org" });
    expect(again.action === "created" && again.generatedPassword).not.toBe(r.generatedPassword);
  });

  it("refuses a bad email or a password the rules refuse, creating nothing", async () => {
    await expect(createAdmin({ email: "not-an-email", password: "a long admin passphrase" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createAdmin({ email: "weak@example.org", password: "password" })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/too common/) });
    await expect(createAdmin({ email: "short@example.org", password: "abc" })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/at least 8/) });
    expect(await row("weak@example.org")).toBeNull();
    expect(await row("short@example.org")).toBeNull();
  });

  it("promotes an existing account, ending its sessions and keeping its password", async () => {
    const learner = await createUser(db, { role: "LEARNER" });
    await db.session.create({ data: { id: `s-${learner.id}`, userId: learner.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    const r = await createAdmin({ email: learner.email.toUpperCase(), password: "ignored for an existing account" });
    expect(r).toEqual({ action: "promoted", email: learner.email, previousRole: "LEARNER" });
    const u = await row(learner.email);
    expect(u).toMatchObject({ role: "ADMIN", tokenVersion: learner.tokenVersion + 1 });
    expect(await verifyPassword(u!.passwordHash!, TEST_PASSWORD)).toBe(true);
    expect((await db.session.findUniqueOrThrow({ where: { id: `s-${learner.id}` } })).revokedAt).not.toBeNull();
  });

  it("changes nothing for an existing admin", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const before = await row(admin.email);
    expect(await createAdmin({ email: admin.email, password: "another long passphrase" })).toEqual({ action: "unchanged", email: admin.email });
    expect(await row(admin.email)).toEqual(before);
  });

  it("refuses to promote a disabled account", async () => {
    const off = await createUser(db, { role: "INSTRUCTOR", disabled: true });
    await expect(createAdmin({ email: off.email })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await row(off.email)).toMatchObject({ role: "INSTRUCTOR", tokenVersion: off.tokenVersion });
  });
});

describe("parseAdminArgs", () => {
  it("reads --email, --name and --password-stdin, and refuses anything else", () => {
    expect(parseAdminArgs(["--email", "a@b.org", "--name", "Ann B", "--password-stdin"])).toEqual({ email: "a@b.org", name: "Ann B", passwordStdin: true });
    expect(parseAdminArgs(["--email=a@b.org"])).toEqual({ email: "a@b.org", passwordStdin: false });
    expect(() => parseAdminArgs(["--email"])).toThrow(/needs a value/);
    expect(() => parseAdminArgs(["--email", "a@b.org", "--password", "x"])).toThrow(/Unknown argument --password/);
  });
});

describe("npm run admin:create (the command)", () => {
  it("reads the password from stdin with --password-stdin, without printing it", async () => {
    const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/admin-create.ts", "--email", "stdin@example.org", "--name", "Stdin Admin", "--password-stdin"], {
      cwd: root,
      env: process.env,
      input: "piped admin passphrase\n",
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Admin stdin@example.org created.");
    expect(r.stdout).not.toContain("piped admin passphrase");
    const u = await row("stdin@example.org");
    expect(u).toMatchObject({ role: "ADMIN", name: "Stdin Admin" });
    expect(await verifyPassword(u!.passwordHash!, "piped admin passphrase")).toBe(true);
  });
});
