import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canManageUsers, type Actor } from "@/lib/auth/permissions";

export async function listUsers(actor: Actor, opts: { query?: string; take?: number } = {}) {
  if (!canManageUsers(actor)) throw new AppError("FORBIDDEN", "You do not have permission to do that.");
  const q = opts.query?.trim().toLowerCase();
  return db.user.findMany({
    where: q ? { OR: [{ email: { contains: q } }, { name: { contains: q } }] } : {},
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
    select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true },
  });
}
