import "server-only";
// A lesson's published predict–observe–explain activities, as the learner may see them before
// predicting: never the answer or the explanation (activityForLearner strips them).
import { db } from "@/lib/db";
import { activitiesSchema, activityForLearner, type LearnerActivity } from "@/lib/lab/activities";

export async function getLessonActivities(lessonId: string): Promise<LearnerActivity[]> {
  const lesson = await db.lesson.findFirst({ where: { id: lessonId, archivedAt: null, publishedAt: { not: null } }, select: { publishedActivities: true } });
  if (!lesson?.publishedActivities) return [];
  const parsed = activitiesSchema.safeParse(JSON.parse(lesson.publishedActivities));
  return parsed.success ? parsed.data.map(activityForLearner) : [];
}
