import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { getStudioLesson, listCourseImages } from "@/lib/data/studio";
import { ImageUpload } from "@/components/studio/image-upload";
import { deleteObjectiveAction } from "@/lib/actions/studio";
import { LessonEditor } from "@/components/studio/lesson-editor";
import { NewObjectiveForm } from "@/components/studio/objective-forms";
import { ActionButton } from "@/components/studio/action-button";

export const metadata: Metadata = { title: "Edit lesson" };

export default async function EditLessonPage({ params }: { params: Promise<{ courseId: string; lessonId: string }> }) {
  const { courseId, lessonId } = await params;
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], `/studio/${courseId}/lessons/${lessonId}`);
  const lesson = await getStudioLesson(lessonId, user);
  if (!lesson || lesson.course.id !== courseId) notFound();
  const images = await listCourseImages(courseId, user);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <p className="text-sm">
          <Link href="/studio">Studio</Link> › <Link href={`/studio/${courseId}`}>{lesson.course.title}</Link> › {lesson.module.title}
        </p>
        <h1 className="text-3xl font-bold">{lesson.title}</h1>
        <p className="text-sm">
          Draft version {lesson.version} · {lesson.publishedVersion ? `published version ${lesson.publishedVersion}` : "never published"}
        </p>
        <nav aria-label="Lesson tools" className="flex flex-wrap gap-4 text-sm">
          <Link href={`/studio/${courseId}/lessons/${lesson.id}/preview`}>Preview as learner</Link>
          <Link href={`/studio/${courseId}/lessons/${lesson.id}/history`}>Revision history</Link>
        </nav>
      </div>
      <LessonEditor courseId={courseId} lesson={{ id: lesson.id, title: lesson.title, body: lesson.body, version: lesson.version }} />
      <section aria-labelledby="images" className="space-y-3">
        <h2 id="images" className="text-xl font-semibold">Images and figures</h2>
        <p className="text-sm">Show one in the lesson with <code>![a description of what it shows](figures/NAME)</code>; the description is what screen readers read.</p>
        {images.length ? (
          <ul className="max-h-48 overflow-y-auto text-sm">
            {images.map((a) => (
              <li key={a.name}>
                <code>figures/{a.name}</code> <span className="text-slate-600 dark:text-slate-400">({Math.round(a.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        ) : null}
        <ImageUpload courseId={courseId} />
      </section>
      <section aria-labelledby="objectives" className="space-y-3">
        <h2 id="objectives" className="text-xl font-semibold">Objectives</h2>
        {lesson.objectives.length === 0 ? <p>No objectives yet.</p> : null}
        <ul className="space-y-2">
          {lesson.objectives.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center gap-3">
              <code className="text-sm">{o.key}</code> <span>{o.text}</span>
              <ActionButton action={deleteObjectiveAction} args={{ objectiveId: o.id }} variant="ghost" label={`Delete objective ${o.key}`} confirm="Delete this objective? Mastery recorded for it is deleted too.">
                Delete
              </ActionButton>
            </li>
          ))}
        </ul>
        <NewObjectiveForm lessonId={lesson.id} />
      </section>
      <section aria-labelledby="questions" className="space-y-2">
        <h2 id="questions" className="text-xl font-semibold">Questions of this lesson</h2>
        <ul className="list-disc pl-6">
          {lesson.items.map((i) => (
            <li key={i.id}>
              <Link href={`/studio/${courseId}/items/${i.id}`}>{i.key}</Link> ({i.type}{i.check ? ", end-of-lesson check" : ", module quiz"})
            </li>
          ))}
        </ul>
        <Link href={`/studio/${courseId}/items/new?lesson=${lesson.id}`}>Add a question</Link>
      </section>
    </div>
  );
}
