import Link from "next/link";
import { listPublishedCourses } from "@/lib/data/courses";
import { CourseCard } from "@/components/course/course-card";
import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";

export default async function HomePage() {
  const [courses, user] = await Promise.all([listPublishedCourses(), getCurrentUser()]);
  return (
    <div className="space-y-12">
      <section className="space-y-4 py-6">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">How cells talk to their neighbours</h1>
        <p className="max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          Paracrine teaches local cell signalling from mechanism to medicine: release, diffusion through the extracellular matrix, receptors, the brakes that end a
          signal, and what goes wrong in cancer, chronic inflammation and tissue repair. Read, test yourself, review what you are forgetting, and experiment in the
          gradient lab.
        </p>
        <div className="flex flex-wrap gap-3">
          {user ? <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink> : <ButtonLink href="/signup">Start learning</ButtonLink>}
          <ButtonLink href="/lab" variant="secondary">
            Open the gradient lab
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="courses-heading" className="space-y-4">
        <h2 id="courses-heading" className="text-2xl font-semibold">
          Courses
        </h2>
        {courses.length ? (
          <div className="grid gap-4 md:grid-cols-2">
            {courses.map((c) => (
              <CourseCard key={c.id} course={c} />
            ))}
          </div>
        ) : (
          <p>No course is published yet. Instructors can create one in the <Link href="/studio">studio</Link>.</p>
        )}
      </section>
    </div>
  );
}
