import type { Metadata } from "next";
import { listPublishedCourses } from "@/lib/data/courses";
import { CourseCard } from "@/components/course/course-card";
import { JoinCohortForm } from "@/components/course/join-cohort-form";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Courses" };

export default async function CoursesPage() {
  const [courses, user] = await Promise.all([listPublishedCourses(), getCurrentUser()]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Courses</h1>
      <div className="grid gap-4 md:grid-cols-2">
        {courses.map((c) => (
          <CourseCard key={c.id} course={c} />
        ))}
      </div>
      {courses.length === 0 ? <p>No course is published yet.</p> : null}
      {user ? (
        <section aria-labelledby="join-heading" className="max-w-md space-y-2">
          <h2 id="join-heading" className="text-xl font-semibold">
            Join a cohort
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">Your instructor may have given you a join code.</p>
          <JoinCohortForm />
        </section>
      ) : null}
    </div>
  );
}
