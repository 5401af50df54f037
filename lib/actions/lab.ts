"use server";
// Predictions in predict–observe–explain activities. The published activity is loaded here, so the
// client never decides whether its own prediction was right; the answer leaves the server only after
// the prediction is recorded.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { activitiesSchema } from "@/lib/lab/activities";
import { DEFAULT_BKT, guessFor, updateMastery } from "@/lib/items/mastery";
import { idSchema } from "@/lib/validation/learning";
import { statementData } from "@/lib/data/statements";
import { createAction } from "./safe-action";

const recordPredictionSchema = z.object({
  lessonId: idSchema,
  activityKey: z.string().trim().min(1).max(100),
  choice: z.coerce.number().int().min(0).max(20),
});

export const recordPredictionAction = createAction({ schema: recordPredictionSchema }, async ({ lessonId, activityKey, choice }, { user }) => {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, archivedAt: null, publishedAt: { not: null }, module: { archivedAt: null, publishedAt: { not: null } } },
    select: { id: true, courseId: true, publishedActivities: true },
  });
  if (!lesson) throw new AppError("NOT_FOUND", "That lesson was not found.");
  const enrolled = await db.enrollment.findUnique({ where: { userId_courseId: { userId: user.id, courseId: lesson.courseId } }, select: { id: true } });
  if (!enrolled) throw new AppError("FORBIDDEN", "Enrol in the course first.");
  const parsed = activitiesSchema.safeParse(JSON.parse(lesson.publishedActivities ?? "[]"));
  const activity = parsed.success ? parsed.data.find((a) => a.key === activityKey) : undefined;
  if (!activity) throw new AppError("NOT_FOUND", "That activity was not found.");
  if (choice >= activity.choices.length) throw new AppError("VALIDATION", "Choose one of the predictions.", { choice: ["Choose one of the predictions."] });

  const correct = choice === activity.answer;
  const objectId = `${lesson.id}/${activity.key}`;
  const objective = await db.objective.findUnique({ where: { courseId_key: { courseId: lesson.courseId, key: activity.objective } }, select: { id: true } });
  const firstTime = await db.$transaction(async (tx) => {
    const earlier = await tx.statement.findFirst({ where: { userId: user.id, verb: "predicted", objectType: "Activity", objectId }, select: { id: true } });
    await tx.statement.create({
      data: statementData({
        userId: user.id,
        courseId: lesson.courseId,
        verb: "predicted",
        objectType: "Activity",
        objectId,
        objectName: activity.prompt.slice(0, 200),
        result: { success: correct, score: correct ? 1 : 0 },
        context: { lessonId: lesson.id, activityKey: activity.key, choice, firstPrediction: !earlier },
      }),
    });
    // Only the first prediction is evidence of what the learner knew: later ones follow the explanation.
    if (earlier || !objective) return !earlier;
    const params = { ...DEFAULT_BKT, guess: guessFor(activity.choices.length === 2 ? "truefalse" : "single") };
    const m = await tx.mastery.findUnique({ where: { userId_objectiveId: { userId: user.id, objectiveId: objective.id } }, select: { pKnown: true } });
    const pKnown = updateMastery(m?.pKnown ?? DEFAULT_BKT.prior, correct ? 1 : 0, params);
    await tx.mastery.upsert({
      where: { userId_objectiveId: { userId: user.id, objectiveId: objective.id } },
      create: { userId: user.id, objectiveId: objective.id, courseId: lesson.courseId, pKnown, attempts: 1, correct: correct ? 1 : 0 },
      update: { pKnown, attempts: { increment: 1 }, correct: { increment: correct ? 1 : 0 } },
    });
    return true;
  });
  return { correct, answer: activity.answer, explanation: activity.explanation, firstPrediction: firstTime };
});
