// Recognises uploaded images by their first bytes, never by the name or the browser's claimed type.
// SVG is not accepted from uploads: it can carry script (course SVG figures come through the content
// format, where they are checked). Pure.
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export type ImageType = { ext: "png" | "jpg" | "gif" | "webp"; mime: string };

export function detectImageType(b: Uint8Array): ImageType | null {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (b.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { ext: "png", mime: "image/png" };
  if (b.length >= 3 && starts(0xff, 0xd8, 0xff)) return { ext: "jpg", mime: "image/jpeg" };
  if (b.length >= 6 && (starts(0x47, 0x49, 0x46, 0x38, 0x37, 0x61) || starts(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))) return { ext: "gif", mime: "image/gif" };
  if (b.length >= 12 && starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return { ext: "webp", mime: "image/webp" };
  return null;
}

/** A safe file name: kebab-case stem from the original name, the extension from the detected type. */
export function safeImageName(original: string, type: ImageType): string {
  const stem = original.replace(/\.[^.]*$/, "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "image";
  return `${stem}.${type.ext}`;
}

export function dataUrl(mime: string, bytes: Uint8Array): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString("base64")}`;
}

export function parseDataUrl(s: string): { mime: string; bytes: Buffer } | null {
  const m = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)$/.exec(s);
  return m ? { mime: m[1], bytes: Buffer.from(m[2], "base64") } : null;
}
