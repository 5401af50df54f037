// Course figures and images. SVG is served as an image with a sandboxing CSP, so even a hostile SVG
// opened directly cannot run script.
import { db } from "@/lib/db";
import { storage } from "@/lib/storage";

export async function GET(_req: Request, { params }: { params: Promise<{ courseId: string; name: string }> }) {
  const { courseId, name } = await params;
  const asset = await db.asset.findUnique({ where: { courseId_name: { courseId, name: decodeURIComponent(name) } }, select: { mime: true, storageKey: true } });
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
}
