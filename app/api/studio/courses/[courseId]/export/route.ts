// Course download for the team: the archive (JSON of the course files, re-importable) or, with
// ?format=gift, the question bank as Moodle GIFT. Same order as actions: session, then the ownership
// check on the loaded course, then the work; errors answer { error: { code, message } }.
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { responseForError } from "@/lib/http/route";
import { exportCourseFiles } from "@/lib/data/course-archive";
import { requireCourse } from "@/lib/data/studio";
import { filesToArchive } from "@/lib/content/bundle";
import { loadItemsFrom } from "@/lib/gift/db-bridge";
import { exportGift } from "@/lib/gift/export";

export const dynamic = "force-dynamic";

const fail = (e: unknown) => responseForError(e, "api/studio/export");

export async function GET(req: Request, { params }: { params: Promise<{ courseId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in first." } }, { status: 401 });
  const { courseId } = await params;
  const format = new URL(req.url).searchParams.get("format") ?? "archive";
  try {
    const course = await requireCourse(courseId, user);
    if (format === "gift") {
      const items = await loadItemsFrom(db, course.id);
      const text = exportGift(items, { header: `Exported from Paracrine, course ${course.slug}.` });
      return new Response(text, {
        headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Disposition": `attachment; filename="${course.slug}.gift.txt"`, "Cache-Control": "no-store" },
      });
    }
    if (format !== "archive") throw new AppError("VALIDATION", 'format must be "archive" or "gift".');
    const archive = filesToArchive(await exportCourseFiles(course.id, user));
    return new Response(archive, {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${course.slug}.paracrine.json"`, "Cache-Control": "no-store" },
    });
  } catch (e) {
    return fail(e);
  }
}
