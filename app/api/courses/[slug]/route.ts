import { NextResponse } from "next/server";
import { z } from "zod";
import { getPublishedCourseOutline } from "@/lib/data/courses";
import { route } from "@/lib/http/route";

const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);

export const GET = route("api/courses/[slug]", async (_req: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const parsed = slugSchema.safeParse((await params).slug);
  if (!parsed.success) return NextResponse.json({ error: { code: "VALIDATION", message: "A course slug has lower-case letters, digits and hyphens." } }, { status: 400 });
  const outline = await getPublishedCourseOutline(parsed.data);
  if (!outline) return NextResponse.json({ error: { code: "NOT_FOUND", message: "No published course has that slug." } }, { status: 404 });
  return NextResponse.json(outline);
});
