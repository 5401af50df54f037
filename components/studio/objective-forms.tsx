"use client";
import { createObjectiveAction } from "@/lib/actions/studio";
import { FormStatus, Submit, TextField, useStudioForm } from "./form";

export function NewObjectiveForm({ lessonId }: { lessonId: string }) {
  const [state, action, pending] = useStudioForm(createObjectiveAction);
  return (
    <form onSubmit={action} data-reset-on-success className="grid gap-3 sm:grid-cols-[12rem_1fr_auto] sm:items-end" noValidate>
      <input type="hidden" name="lessonId" value={lessonId} />
      <TextField id="objective-key" name="key" label="Key" hint="Unique in the course, e.g. m1.diffusion" state={state} required />
      <TextField id="objective-text" name="text" label="Learners will be able to…" state={state} required />
      <Submit pending={pending} variant="secondary">Add objective</Submit>
      <div className="sm:col-span-3"><FormStatus state={state} /></div>
    </form>
  );
}
