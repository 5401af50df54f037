"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { canEditCourse } from "@/lib/auth/permissions";
import { FIRST_REPORT_MAX_SECONDS, completeLessonSchema, enrollSchema, joinCohortSchema, progressSchema } from "@/lib/validation/learning";
import { createAction } from "./safe-action";
import { statementData } from "@/lib/data/statements";
import { refreshModuleCompletion } from "@/lib/data/completion";

export const enrollAction = createAction({ schema: enrollSchema }, async ({ courseId }, { user }) => {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, slug: true, title: true, status: true, instructors: { select: { userId: true, role: true } } } });
  if (!course || (course.status !== "PUBLISHED" && !canEditCourse(user, course))) throw new AppError("NOT_FOUND", "That course was not found.");
  try {
    await db.$transaction(async (tx) => {
      const existing = await tx.enrollment.findUnique({ where: { userId_courseId: { userId: user.id, courseId } }, select: { id: true } });
      if (existing) return;
      await tx.enrollment.create({ data: { userId: user.id, courseId } });
      await tx.statement.create({ data: statementData({ userId: user.id, courseId, verb: "registered", objectType: "Course", objectId: course.id, objectName: course.title }) });
    });
  } catch (e) {
    // A second tab enrolled at the same moment: the learner is enrolled, which is what they asked for.
    if (!isUniqueViolation(e)) throw e;
  }
  revalidatePath(`/courses/${course.slug}`);
  return { slug: course.slug };
});

export const joinCohortAction = createAction({ schema: joinCohortSchema }, async ({ code }, { user }) => {
  const cohort = await db.cohort.findUnique({ where: { joinCode: code }, select: { id: true, name: true, course: { select: { id: true, slug: true, status: true, title: true } } } });
  if (!cohort || cohort.course.status !== "PUBLISHED") throw new AppError("NOT_FOUND", "No open cohort has that join code.", { code: ["No open cohort has that join code."] });
  await db.$transaction(async (tx) => {
    await tx.enrollment.upsert({
      where: { userId_courseId: { userId: user.id, courseId: cohort.course.id } },
      create: { userId: user.id, courseId: cohort.course.id, cohortId: cohort.id },
      update: { cohortId: cohort.id },
    });
    await tx.statement.create({ data: statementData({ userId: user.id, courseId: cohort.course.id, verb: "joined", objectType: "Group", objectId: cohort.id, objectName: cohort.name }) });
  });
  return { slug: cohort.course.slug, cohort: cohort.name };
});

async function enrolledLesson(userId: string, lessonId: string) {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, archivedAt: null, publishedAt: { not: null } },
    select: { id: true, courseId: true, moduleId: true, publishedTitle: true, course: { select: { slug: true } } },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "That lesson was not found.");
  const enrolled = await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: lesson.courseId } }, select: { id: true } });
  if (!enrolled) throw new AppError("FORBIDDEN", "Enrol in the course first.");
  return lesson;
}


/**
 * Reading progress: the furthest point reached is kept (max) and time accumulates, but never faster than
 * the clock: a report is credited at most the seconds since the previous one, decided by a conditional
 * update on lastSeenAt, so replayed or parallel reports add (almost) nothing.
 */
export const recordProgressAction = createAction({ schema: progressSchema }, async ({ lessonId, position, anchor, seconds }, { user }) => {
  const lesson = await enrolledLesson(user.id, lessonId);
  const key = { userId_lessonId: { userId: user.id, lessonId } };
  for (let tries = 0; tries < 5; tries++) {
    const now = new Date();
    const prev = await db.lessonProgress.findUnique({ where: key, select: { id: true, position: true, lastSeenAt: true } });
    if (!prev) {
      try {
        await db.lessonProgress.create({
          data: { userId: user.id, lessonId, courseId: lesson.courseId, position, anchor: anchor ?? null, timeSpentSec: Math.min(seconds, FIRST_REPORT_MAX_SECONDS), lastSeenAt: now },
        });
        return { position };
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        continue; // another report created the row first: credit against it
      }
    }
    const elapsed = Math.max(0, Math.round((now.getTime() - prev.lastSeenAt.getTime()) / 1000));
    const credit = Math.min(seconds, elapsed);
    const done = await db.lessonProgress.updateMany({
      where: { id: prev.id, lastSeenAt: prev.lastSeenAt },
      data: { position: Math.max(prev.position, position), anchor: anchor ?? undefined, timeSpentSec: { increment: credit }, lastSeenAt: now },
    });
    if (done.count === 1) return { position: Math.max(prev.position, position) };
  }
  // Lost every race to concurrent reports: they carried the time already.
  return { position };
});

export const completeLessonAction = createAction({ schema: completeLessonSchema }, async ({ lessonId }, { user }) => {
  const lesson = await enrolledLesson(user.id, lessonId);
  const now = new Date();
  // Make sure the row exists (a concurrent create is harmless), then let one conditional update decide
  // who completes it: a double click or a retry never writes a second "completed" statement.
  try {
    await db.lessonProgress.upsert({
      where: { userId_lessonId: { userId: user.id, lessonId } },
      create: { userId: user.id, lessonId, courseId: lesson.courseId, lastSeenAt: now },
      update: {},
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  const firstTime = await db.$transaction(async (tx) => {
    const won = await tx.lessonProgress.updateMany({ where: { userId: user.id, lessonId, completedAt: null }, data: { position: 1, completedAt: now, lastSeenAt: now } });
    if (won.count === 0) return false;
    await tx.statement.create({
      data: statementData({ userId: user.id, courseId: lesson.courseId, verb: "completed", objectType: "Lesson", objectId: lesson.id, objectName: lesson.publishedTitle ?? "", result: { completion: true }, timestamp: now }),
    });
    return true;
  });
  if (firstTime) await refreshModuleCompletion(user.id, lesson.moduleId);
  revalidatePath(`/courses/${lesson.course.slug}`);
  return { completed: true, firstTime };
});
