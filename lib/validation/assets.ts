import { z } from "zod";
import { MAX_IMAGE_BYTES } from "@/lib/assets/image-type";

export const uploadImageSchema = z.object({
  courseId: z.string().min(1).max(64),
  file: z
    .instanceof(File, { message: "Choose an image file." })
    .refine((f) => f.size > 0, "The file is empty.")
    .refine((f) => f.size <= MAX_IMAGE_BYTES, `Images may be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`),
});
