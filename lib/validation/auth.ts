import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MAX_UNITS, characterCount, passwordProblem } from "@/lib/auth/password";

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
    email: z.string().trim().max(254).email("Enter a valid email address."),
    password: z.string().max(PASSWORD_MAX_UNITS, `Use at most ${PASSWORD_MAX} characters.`),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email: v.email, name: v.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.string().trim().max(254).email("Enter a valid email address."),
  password: z
    .string()
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_UNITS)
    .refine((p) => characterCount(p) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
