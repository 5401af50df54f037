// Gradebook CSV for the course team: one row per enrolled learner (see lib/data/analytics.ts).
import { getCurrentUser } from "@/lib/auth/session";
import { getGradebook, gradebookCsv } from "@/lib/data/analytics";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("api/studio/gradebook", async (_req: Request, { params }: { params: Promise<{ courseId: string }> }) => {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in first." } }, { status: 401 });
  const { courseId } = await params;
  const g = await getGradebook(courseId, user);
  if (!g) return Response.json({ error: { code: "NOT_FOUND", message: "That course was not found." } }, { status: 404 });
  // A BOM so that spreadsheet programs read the names as UTF-8.
  return new Response("\uFEFF" + gradebookCsv(g), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${g.course.slug}-gradebook.csv"`, "Cache-Control": "no-store" },
  });
});
