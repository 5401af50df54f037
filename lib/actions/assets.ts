"use server";
// Image upload for lessons: the type is read from the bytes (PNG, JPEG, GIF, WebP only), the size is
// capped, the file goes to the storage interface (content-addressed) and an Asset row names it, so
// Markdown can show it as ![description](figures/<name>).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireCourse } from "@/lib/data/studio";
import { storage } from "@/lib/storage";
import { detectImageType, safeImageName } from "@/lib/assets/image-type";
import { uploadImageSchema } from "@/lib/validation/assets";
import { createAction } from "./safe-action";

export const uploadImageAction = createAction({ schema: uploadImageSchema, roles: ["INSTRUCTOR", "ADMIN"] }, async ({ courseId, file }, { user }) => {
  const course = await requireCourse(courseId, user);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectImageType(bytes);
  if (!type) throw new AppError("VALIDATION", "Only PNG, JPEG, GIF and WebP images can be uploaded.", { file: ["Only PNG, JPEG, GIF and WebP images can be uploaded."] });
  const name = safeImageName(file.name, type);
  const storageKey = await storage().put(bytes);
  await db.asset.upsert({
    where: { courseId_name: { courseId: course.id, name } },
    create: { courseId: course.id, name, mime: type.mime, size: bytes.length, storageKey },
    update: { mime: type.mime, size: bytes.length, storageKey },
  });
  revalidatePath(`/studio/${course.id}`);
  return { name, markdown: `![Describe what the image shows](figures/${name})` };
});
