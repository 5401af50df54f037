// Course figures and images. SVG is served as an image with a sandboxing CSP, so even a hostile SVG
// opened directly cannot run script.
import { db } from "@/lib/db";
import { storage } from "@/lib/storage";
import { route } from "@/lib/http/route";

function decoded(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export const GET = route("assets", async (_req: Request, { params }: { params: Promise<{ courseId: string; name: string }> }) => {
  const { courseId, name: raw } = await params;
  const name = decoded(raw);
  if (!name || name.length > 200 || courseId.length > 64) return Response.json({ error: { code: "NOT_FOUND", message: "No such file." } }, { status: 404 });
  const asset = await db.asset.findUnique({ where: { courseId_name: { courseId, name } }, select: { mime: true, storageKey: true } });
  const bytes = asset ? await storage().get(asset.storageKey) : null;
  if (!asset || !bytes) return Response.json({ error: { code: "NOT_FOUND", message: "No such file." } }, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": asset.mime,
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
