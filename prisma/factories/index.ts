// Factories shared by the seed, the integration tests and the Playwright fixtures. They write through
// the same Prisma client as the app; every created row gets a unique suffix so tests never collide.
import { randomBytes } from "node:crypto";
import type { Db } from "@/prisma/client";
import { hashPassword } from "@/lib/auth/hash";
import type { Role } from "@/lib/auth/permissions";

export const uniq = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

let cachedHash: { password: string; hash: Promise<string> } | undefined;
/** Hashing is slow by design; factories reuse one hash for the common test password. */
function hashFor(password: string): Promise<string> {
  if (cachedHash?.password !== password) cachedHash = { password, hash: hashPassword(password) };
  return cachedHash.hash;
}

export const TEST_PASSWORD = "correct horse battery staple";

export async function createUser(db: Db, opts: { role?: Role; email?: string; name?: string; password?: string; disabled?: boolean } = {}) {
  const id = uniq();
  const user = await db.user.create({
    data: {
      email: (opts.email ?? `user-${id}@example.test`).toLowerCase(),
      name: opts.name ?? `Test ${opts.role?.toLowerCase() ?? "learner"} ${id}`,
      role: opts.role ?? "LEARNER",
      disabled: opts.disabled ?? false,
      passwordHash: await hashFor(opts.password ?? TEST_PASSWORD),
    },
    select: { id: true, email: true, name: true, role: true, tokenVersion: true },
  });
  return { ...user, role: user.role as Role };
}

export async function createCourse(db: Db, ownerId: string, opts: { slug?: string; title?: string; status?: string } = {}) {
  const id = uniq();
  return db.course.create({
    data: {
      slug: opts.slug ?? `course-${id}`,
      title: opts.title ?? `Course ${id}`,
      summary: "A test course.",
      status: opts.status ?? "DRAFT",
      instructors: { create: { userId: ownerId, role: "OWNER" } },
    },
    select: { id: true, slug: true, title: true, status: true },
  });
}
