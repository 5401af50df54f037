import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getStudioCourse } from "@/lib/data/studio";
import { moveLessonAction, moveModuleAction, publishCourseAction, removeInstructorAction } from "@/lib/actions/studio";
import { Badge, Card } from "@/components/ui/card";
import { ActionButton } from "@/components/studio/action-button";
import { DragReorder } from "@/components/studio/drag-reorder";
import { AddInstructorForm, CourseSettingsForm, NewLessonForm, NewModuleForm, RenameModuleForm } from "@/components/studio/course-forms";

export const metadata: Metadata = { title: "Course studio" };

export default async function StudioCoursePage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}`);
  const course = await getStudioCourse(courseId, user);
  if (!course) notFound();
  const unpublished = course.modules.flatMap((m) => m.lessons).filter((l) => l.publishedVersion !== l.version).length;
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm"><Link href="/studio">Studio</Link> › {course.title}</p>
        <h1 className="text-3xl font-bold">{course.title}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <Badge>{course.status === "PUBLISHED" ? "Published" : "Draft"}</Badge>
          <span>/{course.slug}</span>
          {course.status === "PUBLISHED" ? <Link href={`/courses/${course.slug}`}>Open as a learner</Link> : null}
        </p>
        <nav aria-label="Course tools" className="flex flex-wrap gap-4 text-sm">
          <Link href={`/studio/${course.id}/items`}>Questions</Link>
          <Link href={`/studio/${course.id}/gift`}>GIFT import / export</Link>
          <Link href={`/studio/${course.id}/cohorts`}>Cohorts</Link>
          <Link href={`/studio/${course.id}/analytics`}>Analytics</Link>
          <a href={`/api/studio/courses/${course.id}/export`} download>Download archive</a>
        </nav>
      </div>

      <section aria-labelledby="publish" className="space-y-2">
        <h2 id="publish" className="text-xl font-semibold">Publish</h2>
        <p className="text-sm">
          Learners only see what was last published. {unpublished ? `${unpublished} lesson(s) have unpublished changes.` : "Every lesson is published as drafted."}
        </p>
        <ActionButton action={publishCourseAction} args={{ courseId: course.id }} variant="primary" done="Published." confirm="Publish every draft of this course to learners?">
          Publish course
        </ActionButton>
      </section>

      <section aria-labelledby="outline" className="space-y-4">
        <h2 id="outline" className="text-xl font-semibold">Modules and lessons</h2>
        {course.modules.length > 1 ? (
          <DragReorder kind="modules" parentId={course.id} label="Module order" items={course.modules.map((m) => ({ id: m.id, title: m.title }))} />
        ) : null}
        <ol className="space-y-4">
          {course.modules.map((m, i) => (
            <li key={m.id}>
              <Card className="space-y-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-lg font-semibold">{i + 1}. {m.title}</h3>
                  <div className="flex flex-wrap gap-2">
                    <ActionButton action={moveModuleAction} args={{ id: m.id, direction: "up" }} label={`Move up: ${m.title}`} variant="ghost">Move up</ActionButton>
                    <ActionButton action={moveModuleAction} args={{ id: m.id, direction: "down" }} label={`Move down: ${m.title}`} variant="ghost">Move down</ActionButton>
                  </div>
                </div>
                <RenameModuleForm module={{ id: m.id, title: m.title, summary: m.summary }} />
                <p className="text-sm text-slate-600 dark:text-slate-400">{m._count.items} question(s)</p>
                <ul className="list-disc space-y-1 pl-6">
                  {m.lessons.map((l) => (
                    <li key={l.id}>
                      <Link href={`/studio/${course.id}/lessons/${l.id}`}>{l.title}</Link>{" "}
                      <span className="text-sm text-slate-600 dark:text-slate-400">
                        (draft v{l.version}{l.publishedVersion ? `, published v${l.publishedVersion}` : ", never published"})
                      </span>{" "}
                      <ActionButton action={moveLessonAction} args={{ id: l.id, direction: "up" }} label={`Move lesson ${l.title} up`} variant="ghost" className="min-h-8 px-2 py-0">↑</ActionButton>
                      <ActionButton action={moveLessonAction} args={{ id: l.id, direction: "down" }} label={`Move lesson ${l.title} down`} variant="ghost" className="min-h-8 px-2 py-0">↓</ActionButton>
                    </li>
                  ))}
                </ul>
                {m.lessons.length > 1 ? (
                  <DragReorder kind="lessons" parentId={m.id} label={`Lesson order in ${m.title}`} items={m.lessons.map((l) => ({ id: l.id, title: l.title }))} />
                ) : null}
                <NewLessonForm moduleId={m.id} moduleTitle={m.title} />
              </Card>
            </li>
          ))}
        </ol>
        <Card><NewModuleForm courseId={course.id} /></Card>
      </section>

      <section aria-labelledby="settings" className="space-y-3">
        <h2 id="settings" className="text-xl font-semibold">Settings</h2>
        <Card><CourseSettingsForm course={{ id: course.id, title: course.title, summary: course.summary, description: course.description, passMark: course.passMark }} /></Card>
      </section>

      <section aria-labelledby="team" className="space-y-3">
        <h2 id="team" className="text-xl font-semibold">Team</h2>
        <ul className="space-y-2">
          {course.instructors.map((i) => (
            <li key={i.userId} className="flex flex-wrap items-center gap-3">
              <span>{i.user.name} ({i.user.email})</span>
              <Badge>{i.role === "OWNER" ? "Owner" : "Co-instructor"}</Badge>
              {course.canManage && i.role !== "OWNER" ? (
                <ActionButton action={removeInstructorAction} args={{ courseId: course.id, userId: i.userId }} variant="ghost" label={`Remove ${i.user.name} from the team`} confirm={`Remove ${i.user.name}?`}>
                  Remove
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ul>
        {course.canManage ? <AddInstructorForm courseId={course.id} /> : <p className="text-sm">Only the owner or an administrator can change the team.</p>}
      </section>
    </div>
  );
}
