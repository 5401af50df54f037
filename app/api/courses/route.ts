import { NextResponse } from "next/server";
import { listPublishedCourses } from "@/lib/data/courses";

// Public, read-only: published courses only.
export async function GET() {
  const courses = await listPublishedCourses();
  return NextResponse.json({
    courses: courses.map((c) => ({ slug: c.slug, title: c.title, summary: c.summary, modules: c.modules, lessons: c.lessons, readingMinutes: c.minutes, url: `/api/courses/${c.slug}` })),
  });
}
