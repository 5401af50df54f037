"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadImageAction } from "@/lib/actions/assets";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, describedBy } from "@/components/ui/field";

export function ImageUpload({ courseId }: { courseId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: true; markdown: string } | { ok: false; message: string; errors?: string[] } | null>(null);
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        start(async () => {
          const r = await uploadImageAction(fd);
          if (r.ok) {
            setResult({ ok: true, markdown: r.data.markdown });
            router.refresh();
          } else setResult({ ok: false, message: r.message, errors: r.fieldErrors?.file });
        });
      }}
    >
      <input type="hidden" name="courseId" value={courseId} />
      <Field id="image-file" label="Upload an image" hint="PNG, JPEG, GIF or WebP, up to 2 MB." errors={errors}>
        <Input id="image-file" name="file" type="file" accept="image/png,image/jpeg,image/gif,image/webp" required aria-invalid={!!errors} aria-describedby={describedBy("image-file", { hint: true, errors })} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Uploading…" : "Upload"}
      </Button>
      {result?.ok ? (
        <Alert tone="success">
          Uploaded. Paste into the lesson and describe the image: <code>{result.markdown}</code>
        </Alert>
      ) : result ? (
        <Alert tone="error">{result.message}</Alert>
      ) : null}
    </form>
  );
}
