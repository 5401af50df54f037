"use server";
// Cohort mutations for the course team. The cohort is loaded first and the check runs on its course,
// so a cohort id from another course is refused whatever course id the client claims.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { requireCourse } from "@/lib/data/studio";
import { newJoinCode } from "@/lib/data/cohorts";
import { createCohortSchema, deadlineSchema, removeMemberSchema } from "@/lib/validation/studio";
import { createAction } from "./safe-action";

const AUTHORS = ["INSTRUCTOR", "ADMIN"] as const;

export const createCohortAction = createAction({ schema: createCohortSchema, roles: AUTHORS }, async ({ courseId, name, startsAt }, { user }) => {
  const course = await requireCourse(courseId, user);
  // 31^8 ≈ 8.5e11 codes: a collision is rare, and retried with a fresh code.
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const cohort = await db.cohort.create({ data: { courseId: course.id, name, startsAt: startsAt ?? null, joinCode: newJoinCode(), createdById: user.id }, select: { id: true, joinCode: true } });
      revalidatePath(`/studio/${course.id}/cohorts`);
      return cohort;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new AppError("UNAVAILABLE", "Could not create a unique join code. Please try again.");
});

async function editableCohort(cohortId: string, user: { id: string; role: "LEARNER" | "INSTRUCTOR" | "ADMIN" }) {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: { id: true, courseId: true } });
  if (!cohort) throw new AppError("NOT_FOUND", "That cohort was not found.");
  await requireCourse(cohort.courseId, user);
  return cohort;
}

/** Removes a learner from the cohort only: the enrolment and all progress stay. */
export const removeCohortMemberAction = createAction({ schema: removeMemberSchema, roles: AUTHORS }, async ({ cohortId, userId }, { user }) => {
  const cohort = await editableCohort(cohortId, user);
  const r = await db.enrollment.updateMany({ where: { cohortId: cohort.id, userId, courseId: cohort.courseId }, data: { cohortId: null } });
  if (r.count === 0) throw new AppError("NOT_FOUND", "That learner is not in this cohort.");
  revalidatePath(`/studio/${cohort.courseId}/cohorts/${cohort.id}`);
  return { userId };
});

/** Sets (or, with no date, clears) a cohort's soft deadline for one module of the same course. */
export const setDeadlineAction = createAction({ schema: deadlineSchema, roles: AUTHORS }, async ({ cohortId, moduleId, dueAt }, { user }) => {
  const cohort = await editableCohort(cohortId, user);
  const mod = await db.module.findFirst({ where: { id: moduleId, courseId: cohort.courseId }, select: { id: true } });
  if (!mod) throw new AppError("VALIDATION", "Choose a module of this course.", { moduleId: ["Choose a module of this course."] });
  if (dueAt) await db.cohortDeadline.upsert({ where: { cohortId_moduleId: { cohortId: cohort.id, moduleId: mod.id } }, create: { cohortId: cohort.id, moduleId: mod.id, dueAt }, update: { dueAt } });
  else await db.cohortDeadline.deleteMany({ where: { cohortId: cohort.id, moduleId: mod.id } });
  revalidatePath(`/studio/${cohort.courseId}/cohorts/${cohort.id}`);
  return { moduleId: mod.id, dueAt: dueAt ?? null };
});
