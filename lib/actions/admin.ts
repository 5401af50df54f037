"use server";
// Admin actions. Each one bumps the user's token version in the same write, so the change takes
// effect on that user's next request (their session is re-checked against it every time).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canChangeAccount } from "@/lib/auth/permissions";
import { changeRoleSchema, setDisabledSchema } from "@/lib/validation/admin";
import { createAction } from "./safe-action";

export const changeRoleAction = createAction({ schema: changeRoleSchema, roles: ["ADMIN"] }, async ({ userId, role }, { user }) => {
  if (!canChangeAccount(user, userId)) throw new AppError("FORBIDDEN", "You cannot change your own role.");
  const [updated] = await db.$transaction([
    db.user.updateMany({ where: { id: userId }, data: { role, tokenVersion: { increment: 1 } } }),
    db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),
  ]);
  if (updated.count === 0) throw new AppError("NOT_FOUND", "That user was not found.");
  revalidatePath("/admin/users");
  return { userId, role };
});

export const setDisabledAction = createAction({ schema: setDisabledSchema, roles: ["ADMIN"] }, async ({ userId, disabled }, { user }) => {
  if (!canChangeAccount(user, userId)) throw new AppError("FORBIDDEN", "You cannot disable your own account.");
  const [updated] = await db.$transaction([
    db.user.updateMany({ where: { id: userId }, data: { disabled, tokenVersion: { increment: 1 } } }),
    db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } }),
  ]);
  if (updated.count === 0) throw new AppError("NOT_FOUND", "That user was not found.");
  revalidatePath("/admin/users");
  return { userId, disabled };
});
