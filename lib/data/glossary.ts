import "server-only";
import { db } from "@/lib/db";

export function listGlossary(courseId: string) {
  return db.glossaryTerm.findMany({ where: { courseId }, orderBy: { term: "asc" }, select: { slug: true, term: true, definition: true } });
}
