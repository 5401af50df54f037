"use server";
// Predictions in predict–observe–explain activities. The published activity is loaded here, so the
// client never decides whether its own prediction was right; the answer leaves the server only after
// the prediction is recorded.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { activitiesSchema } from "@/lib/lab/activities";
import { randomUUID } from "node:crypto";
import { guessFor } from "@/lib/items/mastery";
import { recordMasteryEvidence } from "@/lib/learning/mastery-evidence";
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
    // The unique key decides which prediction is the first, even when twenty arrive at once.
    const inserted = await tx.$executeRaw`
      INSERT INTO "ActivityPrediction" ("id", "userId", "lessonId", "activityKey", "choice", "correct", "createdAt")
      VALUES (${randomUUID()}, ${user.id}, ${lesson.id}, ${activity.key}, ${choice}, ${correct}, ${new Date()})
      ON CONFLICT ("userId", "lessonId", "activityKey") DO NOTHING`;
    const first = inserted === 1;
    await tx.statement.create({
      data: statementData({
        userId: user.id,
        courseId: lesson.courseId,
        verb: "predicted",
        objectType: "Activity",
        objectId,
        objectName: activity.prompt.slice(0, 200),
        result: { success: correct, score: correct ? 1 : 0 },
        context: { lessonId: lesson.id, activityKey: activity.key, choice, firstPrediction: first },
      }),
    });
    // Only the first prediction is evidence of what the learner knew: later ones follow the explanation.
    if (first && objective) {
      await recordMasteryEvidence(tx, { userId: user.id, objectiveId: objective.id, courseId: lesson.courseId, score: correct ? 1 : 0, correct, guess: guessFor(activity.choices.length === 2 ? "truefalse" : "single") });
    }
    return first;
  });
  return { correct, answer: activity.answer, explanation: activity.explanation, firstPrediction: firstTime };
});
