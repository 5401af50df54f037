"use server";
// Deleting one's own account. The session is re-checked against the database (createAction), the
// typed confirmation is validated, and the id comes from the session only: never from the client.
// Every learning record hangs off the user with onDelete: Cascade, so one delete removes them all.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteAccountSchema } from "@/lib/validation/quiz";
import { createAction } from "./safe-action";

export const deleteAccountAction = createAction({ schema: deleteAccountSchema }, async (_input, { user }) => {
  if (user.role === "ADMIN") {
    // The site must keep an administrator (same rule as canChangeAccount).
    const admins = await db.user.count({ where: { role: "ADMIN", disabled: false } });
    if (admins <= 1) throw new AppError("FORBIDDEN", "You are the only administrator. Make someone else an administrator first.");
  }
  const n = await db.user.deleteMany({ where: { id: user.id } });
  if (n.count !== 1) throw new AppError("NOT_FOUND", "That account no longer exists.");
  return { deleted: true };
});
