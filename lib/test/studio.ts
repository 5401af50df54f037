// Test helper: an instructor's course with one module and one lesson, made through the studio's own
// actions (so ownership and the first revision are as a real instructor would leave them).
import { signInAs } from "./session";
import { createCourseAction, createLessonAction, createModuleAction } from "@/lib/actions/studio";

export async function seedCourse(owner: { id: string; role: string; tokenVersion: number }) {
  await signInAs(owner);
  const c = await createCourseAction({ title: "Gradients", slug: `grad-${Math.random().toString(36).slice(2, 8)}` });
  if (!c.ok) throw new Error(c.message);
  const m = await createModuleAction({ courseId: c.data.id, title: "Morphogens" });
  if (!m.ok) throw new Error(m.message);
  const l = await createLessonAction({ moduleId: m.data.id, title: "Diffusion" });
  if (!l.ok) throw new Error(l.message);
  return { courseId: c.data.id, slug: c.data.slug, moduleId: m.data.id, lessonId: l.data.id };
}
