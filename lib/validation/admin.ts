import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const changeRoleSchema = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES, { message: "Choose learner, instructor or admin." }) });
export const setDisabledSchema = z.object({ userId: z.string().min(1).max(64), disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });
