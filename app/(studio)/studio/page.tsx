import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listStudioCourses } from "@/lib/data/studio";
import { Badge, Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { CreateCourseForm } from "@/components/studio/create-course-form";

export const metadata: Metadata = { title: "Studio" };

export default async function StudioHome() {
  const user = await requireRole(["INSTRUCTOR", "ADMIN"], "/studio");
  const courses = await listStudioCourses(user);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Studio</h1>
        <ButtonLink href="/studio/import" variant="secondary">Import a course archive</ButtonLink>
      </div>
      <section aria-labelledby="your-courses" className="space-y-3">
        <h2 id="your-courses" className="text-xl font-semibold">{user.role === "ADMIN" ? "All courses" : "Courses you teach"}</h2>
        {courses.length === 0 ? <p>You do not teach any course yet. Create one below.</p> : null}
        <ul className="grid gap-4 sm:grid-cols-2">
          {courses.map((c) => (
            <li key={c.id}>
              <Card className="space-y-2">
                <h3 className="text-lg font-semibold">
                  <Link href={`/studio/${c.id}`}>{c.title}</Link>
                </h3>
                <p className="flex flex-wrap gap-2 text-sm">
                  <Badge>{c.status === "PUBLISHED" ? "Published" : c.status === "ARCHIVED" ? "Archived" : "Draft"}</Badge>
                  {c.myRole ? <Badge>{c.myRole === "OWNER" ? "Owner" : c.myRole === "CO" ? "Co-instructor" : "Admin"}</Badge> : null}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {c._count.modules} modules · {c._count.lessons} lessons · {c._count.items} questions · {c._count.enrollments} learners
                </p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="create" className="space-y-3">
        <h2 id="create" className="text-xl font-semibold">Create a course</h2>
        <Card>
          <CreateCourseForm />
        </Card>
      </section>
    </div>
  );
}
