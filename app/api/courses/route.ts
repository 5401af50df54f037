import { NextResponse } from "next/server";
import { listPublishedCourses } from "@/lib/data/courses";
import { route } from "@/lib/http/route";

// Public, read-only: published courses only.
export const GET = route("api/courses", async () => {
  const courses = await listPublishedCourses();
  return NextResponse.json({
    courses: courses.map((c) => ({ slug: c.slug, title: c.title, summary: c.summary, modules: c.modules, lessons: c.lessons, readingMinutes: c.minutes, url: `/api/courses/${c.slug}` })),
  });
});
