import Link from "next/link";
import { Card } from "@/components/ui/card";

export function CourseCard({ course }: { course: { slug: string; title: string; summary: string; modules: number; lessons: number; minutes: number } }) {
  return (
    <Card className="flex flex-col gap-3">
      <h3 className="text-xl font-semibold">
        <Link href={`/courses/${course.slug}`} className="text-brand-700 dark:text-brand-100">
          {course.title}
        </Link>
      </h3>
      <p className="text-slate-700 dark:text-slate-300">{course.summary}</p>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {course.modules} modules · {course.lessons} lessons · about {Math.round(course.minutes / 60)} hours of reading
      </p>
    </Card>
  );
}
