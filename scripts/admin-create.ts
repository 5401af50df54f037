// npm run admin:create -- --email you@example.org [--name "Your Name"] [--password-stdin]
// Creates the first admin, or promotes an existing account to admin (ending its sessions, as a role
// change in /admin/users does). A new account's password is read from stdin with --password-stdin
// (so it never appears in the shell history or the process list), else generated and printed once.
// Running it again for an admin changes nothing.
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normaliseEmail, registerUser } from "@/lib/auth/accounts";
import { passwordProblem } from "@/lib/auth/password";
import { generatePassword } from "@/prisma/seed";

const emailSchema = z.string().trim().max(254).email("Enter a valid email address.");

export interface AdminCreateInput {
  email: string;
  name?: string;
  /** The new account's password; generated when absent. Ignored for an existing account. */
  password?: string;
}

export type AdminCreateResult =
  | { action: "created"; email: string; generatedPassword?: string }
  | { action: "promoted"; email: string; previousRole: string }
  | { action: "unchanged"; email: string };

export async function createAdmin(input: AdminCreateInput): Promise<AdminCreateResult> {
  const parsedEmail = emailSchema.safeParse(input.email);
  if (!parsedEmail.success) throw new AppError("VALIDATION", `--email: ${parsedEmail.error.issues[0].message}`);
  const email = normaliseEmail(parsedEmail.data);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true, disabled: true } });
  if (existing) {
    if (existing.role === "ADMIN") return { action: "unchanged", email };
    // A disabled account was disabled by someone for a reason; making it an admin would undo that silently.
    if (existing.disabled) throw new AppError("CONFLICT", `${email} is disabled; enable it before making it an admin.`);
    const now = new Date();
    await db.$transaction([
      db.user.update({ where: { id: existing.id }, data: { role: "ADMIN", tokenVersion: { increment: 1 } } }),
      db.session.updateMany({ where: { userId: existing.id, revokedAt: null }, data: { revokedAt: now } }),
    ]);
    return { action: "promoted", email, previousRole: existing.role };
  }
  const name = input.name?.trim() || email.split("@")[0];
  const generated = input.password === undefined ? generatePassword({ email, name }) : undefined;
  const password = input.password ?? generated!;
  const problem = passwordProblem(password, { email, name });
  if (problem) throw new AppError("VALIDATION", `Password: ${problem}`);
  // The same path as sign-up (validation, the "registered" statement), then the role. Should the
  // second write fail, running the command again promotes the account.
  const user = await registerUser({ email, name, password });
  await db.user.update({ where: { id: user.id }, data: { role: "ADMIN", tokenVersion: { increment: 1 } } });
  return { action: "created", email, generatedPassword: generated };
}

export function parseAdminArgs(argv: string[]): { email?: string; name?: string; passwordStdin: boolean } {
  const out: { email?: string; name?: string; passwordStdin: boolean } = { passwordStdin: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--password-stdin") out.passwordStdin = true;
    else if (a === "--email" || a === "--name") {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new AppError("VALIDATION", `${a} needs a value.`);
      out[a === "--email" ? "email" : "name"] = v;
    } else if (a.startsWith("--email=")) out.email = a.slice(8);
    else if (a.startsWith("--name=")) out.name = a.slice(7);
    else throw new AppError("VALIDATION", `Unknown argument ${a}.`);
  }
  return out;
}

/** The whole of stdin, without the final line break (`echo pw |` and `< file` both add one). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

async function main(): Promise<number> {
  const args = parseAdminArgs(process.argv.slice(2));
  if (!args.email) {
    console.error('Usage: npm run admin:create -- --email you@example.org [--name "Your Name"] [--password-stdin]');
    return 2;
  }
  const password = args.passwordStdin ? await readStdin() : undefined;
  const r = await createAdmin({ email: args.email, name: args.name, password });
  if (r.action === "unchanged") console.log(`${r.email} is already an admin; nothing changed.`);
  else if (r.action === "promoted") {
    console.log(`${r.email} was ${r.previousRole.toLowerCase()} and is now an admin; its existing sessions have ended.`);
    if (args.passwordStdin) console.log("The account already had a password; it was kept.");
  } else {
    console.log(`Admin ${r.email} created.`);
    if (r.generatedPassword) console.log(`Password (shown only now): ${r.generatedPassword}`);
  }
  return 0;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join("scripts", "admin-create.ts"));
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      console.error(`admin:create failed: ${e.message}`);
      if (e instanceof AppError && e.fieldErrors) for (const [f, msgs] of Object.entries(e.fieldErrors)) console.error(`  ${f}: ${msgs.join(" ")}`);
      process.exit(e instanceof AppError ? 2 : 1);
    },
  );
}
