import "server-only";
// Cohort reads for the studio (team only) and the invite page (any signed-in user, published courses).
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { canEditCourse, type Actor } from "@/lib/auth/permissions";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "@/lib/validation/studio";

export function newJoinCode(): string {
  let s = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) s += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return s;
}

const team = { instructors: { select: { userId: true, role: true } } } as const;

export async function listCohorts(courseId: string, actor: Actor) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, slug: true, title: true, status: true, ...team } });
  if (!course || !canEditCourse(actor, course)) return null;
  const cohorts = await db.cohort.findMany({
    where: { courseId: course.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, joinCode: true, startsAt: true, createdAt: true, _count: { select: { enrollments: true } } },
  });
  return { course, cohorts };
}

export async function getCohort(cohortId: string, actor: Actor) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true, name: true, joinCode: true, startsAt: true,
      course: { select: { id: true, slug: true, title: true, status: true, ...team } },
      deadlines: { select: { moduleId: true, dueAt: true } },
      enrollments: { orderBy: { enrolledAt: "asc" }, select: { enrolledAt: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!cohort || !canEditCourse(actor, cohort.course)) return null;
  const modules = await db.module.findMany({ where: { courseId: cohort.course.id, archivedAt: null }, orderBy: { order: "asc" }, select: { id: true, title: true } });
  return { ...cohort, modules };
}

/** The invite page: what a signed-in visitor may learn from a join code (published courses only). */
export async function getInvite(code: string, actor: Actor) {
  const cohort = await db.cohort.findUnique({
    where: { joinCode: code.trim().toUpperCase() },
    select: { id: true, name: true, startsAt: true, course: { select: { id: true, slug: true, title: true, summary: true, status: true } } },
  });
  if (!cohort || cohort.course.status !== "PUBLISHED") return null;
  const enrollment = await db.enrollment.findUnique({ where: { userId_courseId: { userId: actor.id, courseId: cohort.course.id } }, select: { cohortId: true } });
  return { cohort: { id: cohort.id, name: cohort.name, startsAt: cohort.startsAt }, course: cohort.course, member: enrollment?.cohortId === cohort.id };
}
