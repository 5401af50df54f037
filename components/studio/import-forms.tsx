"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { importArchiveAction, importGiftAction } from "@/lib/actions/studio";
import { parseGift } from "@/lib/gift/parse";
import { Alert } from "@/components/ui/card";
import { Field, describedBy } from "@/components/ui/field";
import { FormStatus, SelectField, Submit, TextAreaField, TextField, errorsOf, useStudioForm } from "./form";

async function readFileInto(e: React.ChangeEvent<HTMLInputElement>, set: (s: string) => void) {
  const f = e.target.files?.[0];
  if (f) set(await f.text());
}

export function ArchiveImportForm() {
  const [text, setText] = useState("");
  const [state, onSubmit, pending] = useStudioForm(importArchiveAction, () => undefined);
  const archiveErrors = errorsOf(state, "archive") ?? errorsOf(state, "files");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="archive-file" label="Archive file (.json)" hint="A file downloaded from a course's “Download archive” link.">
        <input id="archive-file" type="file" accept=".json,application/json" aria-describedby="archive-file-hint" onChange={(e) => void readFileInto(e, setText)} />
      </Field>
      <TextAreaField id="archive" name="archive" label="…or paste the archive" state={state} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      <TextField id="archive-slug" name="slug" label="Import under this slug (optional)" hint="Leave empty to use the archive's slug (updates that course if you teach it); give a new slug to make a copy." state={state} />
      <div className="flex items-center gap-2">
        <input id="archive-publish" name="publish" type="checkbox" />
        <label htmlFor="archive-publish">Publish after importing</label>
      </div>
      {archiveErrors?.length ? (
        <Alert tone="error">
          <ul className="list-disc pl-5">{archiveErrors.slice(0, 50).map((m, i) => <li key={i}>{m}</li>)}</ul>
        </Alert>
      ) : null}
      <FormStatus state={state} />
      {state?.ok ? (
        <Alert tone="success">
          {state.data.created ? "Created" : "Updated"} course <Link href={`/studio/${state.data.courseId}`}>{state.data.slug}</Link>: {state.data.counts.modules} modules,{" "}
          {state.data.counts.lessons} lessons, {state.data.counts.objectives} objectives, {state.data.counts.items} questions, {state.data.counts.glossary} glossary terms,{" "}
          {state.data.counts.figures} figures.
          {state.data.warnings.length ? (
            <details className="mt-2">
              <summary>{state.data.warnings.length} warning(s)</summary>
              <ul className="list-disc pl-5">{state.data.warnings.map((w, i) => <li key={i}>{w.file}: {w.message}</li>)}</ul>
            </details>
          ) : null}
        </Alert>
      ) : null}
      <Submit pending={pending}>Import</Submit>
    </form>
  );
}

export function GiftImportForm({ courseId, modules }: { courseId: string; modules: { id: string; title: string }[] }) {
  const [text, setText] = useState("");
  const [state, onSubmit, pending] = useStudioForm(importGiftAction, () => undefined);
  // The parser is pure, so the per-question report is shown while typing; the server parses again.
  const report = useMemo(() => (text.trim() ? parseGift(text).questions : []), [text]);
  const counts = { ok: report.filter((q) => q.status === "ok").length, skipped: report.filter((q) => q.status === "skipped").length, error: report.filter((q) => q.status === "error").length };
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <SelectField id="gift-module" name="moduleId" label="Import into module" state={state} required>
        {modules.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
      </SelectField>
      <Field id="gift-file" label="GIFT file" hint="Or paste the text below.">
        <input id="gift-file" type="file" accept=".gift,.txt,text/plain" aria-describedby={describedBy("gift-file", { hint: true })} onChange={(e) => void readFileInto(e, setText)} />
      </Field>
      <TextAreaField id="gift-text" name="text" label="GIFT text" state={state} rows={12} value={text} onChange={(e) => setText(e.target.value)} />
      {report.length ? (
        <section aria-labelledby="gift-report" className="space-y-2">
          <h2 id="gift-report" className="font-semibold">
            {report.length} question(s): {counts.ok} ready, {counts.skipped} skipped, {counts.error} with errors
          </h2>
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="py-1 pr-3">#</th>
                  <th scope="col" className="py-1 pr-3">Line</th>
                  <th scope="col" className="py-1 pr-3">Name</th>
                  <th scope="col" className="py-1 pr-3">Status</th>
                  <th scope="col" className="py-1 pr-3">Details</th>
                </tr>
              </thead>
              <tbody>
                {report.map((q) => (
                  <tr key={q.index} className="border-b align-top">
                    <td className="py-1 pr-3">{q.index}</td>
                    <td className="py-1 pr-3">{q.line}</td>
                    <td className="py-1 pr-3">{q.name}</td>
                    <td className="py-1 pr-3">{q.status === "ok" ? `OK (${q.type})` : q.status === "skipped" ? "Skipped" : "Error"}</td>
                    <td className="py-1 pr-3">{q.status === "ok" ? (q.warnings ?? []).join(" ") || `key ${q.key}` : q.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <p className="text-sm">All or nothing: if any question has an error, nothing is imported. Questions whose key already exists in the course are updated and moved to the chosen module.</p>
      <FormStatus state={state} success={state?.ok ? `Imported: ${state.data.created} new, ${state.data.updated} updated, ${state.data.skipped} skipped. Publish the course for learners to see them.` : null} />
      <Submit pending={pending}>Import questions</Submit>
    </form>
  );
}
