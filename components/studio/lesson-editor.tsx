"use client";
// The lesson editor. Title and body are controlled state, so a refused save (conflict, validation)
// never loses the author's text. The preview is rendered on the server by the same sanitising
// renderer as the reader, a moment after typing stops.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { previewMarkdownAction, saveLessonAction } from "@/lib/actions/studio";
import { Field, Input, Textarea, describedBy } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";

interface Props {
  courseId: string;
  lesson: { id: string; title: string; body: string; version: number };
}

export function LessonEditor({ courseId, lesson }: Props) {
  const router = useRouter();
  const [title, setTitle] = useState(lesson.title);
  const [body, setBody] = useState(lesson.body);
  const [version, setVersion] = useState(lesson.version);
  const [preview, setPreview] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string; code?: string; fieldErrors?: Record<string, string[]> } | null>(null);
  const [saving, start] = useTransition();
  const dirty = title !== lesson.title || body !== lesson.body;
  const seq = useRef(0);

  useEffect(() => {
    const n = ++seq.current;
    const t = setTimeout(async () => {
      const r = await previewMarkdownAction({ courseId, body });
      if (n !== seq.current) return; // a newer keystroke's preview wins
      if (r.ok) (setPreview(r.data.html), setPreviewError(null));
      else setPreviewError(r.message);
    }, 400);
    return () => clearTimeout(t);
  }, [body, courseId]);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await saveLessonAction({ lessonId: lesson.id, title, body, version });
      if (r.ok) {
        setVersion(r.data.version);
        setResult({ ok: true, message: `Saved as version ${r.data.version}.` });
        router.refresh();
      } else setResult({ ok: false, code: r.code, message: r.message, fieldErrors: r.fieldErrors });
    });
  };
  const titleErrors = result && !result.ok ? result.fieldErrors?.title : undefined;
  const bodyErrors = result && !result.ok ? result.fieldErrors?.body : undefined;

  return (
    <form onSubmit={save} className="space-y-4" noValidate>
      <Field id="lesson-title" label="Title" errors={titleErrors}>
        <Input id="lesson-title" value={title} onChange={(e) => setTitle(e.target.value)} required aria-invalid={!!titleErrors} aria-describedby={describedBy("lesson-title", { errors: titleErrors })} />
      </Field>
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id="lesson-body" label="Body (Markdown, $math$ with KaTeX)" hint={`Editing version ${version}.`} errors={bodyErrors}>
          <Textarea
            id="lesson-body"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={28}
            spellCheck
            aria-invalid={!!bodyErrors}
            aria-describedby={describedBy("lesson-body", { hint: true, errors: bodyErrors })}
          />
        </Field>
        <section aria-labelledby="preview-heading" className="min-w-0 space-y-1">
          <h2 id="preview-heading" className="text-sm font-medium">Preview</h2>
          {previewError ? <Alert tone="error">{previewError}</Alert> : null}
          <div aria-live="off" className="prose-lesson max-h-[40rem] overflow-auto rounded-md border border-slate-300 p-4 dark:border-slate-700" dangerouslySetInnerHTML={{ __html: preview ?? "<p>Rendering…</p>" }} />
        </section>
      </div>
      {result ? <Alert tone={result.ok ? "success" : result.code === "CONFLICT" ? "warning" : "error"}>{result.message}</Alert> : null}
      {result?.code === "CONFLICT" ? (
        <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(body)}>
          Copy my text
        </Button>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={saving} aria-busy={saving}>
          {saving ? "Saving…" : "Save draft"}
        </Button>
        {dirty ? <span className="text-sm text-slate-600 dark:text-slate-400">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
