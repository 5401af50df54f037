"use client";
import { createCohortAction, setDeadlineAction } from "@/lib/actions/cohorts";
import { FormStatus, Submit, TextField, useStudioForm } from "./form";

export function CreateCohortForm({ courseId }: { courseId: string }) {
  const [state, onSubmit, pending] = useStudioForm(createCohortAction);
  return (
    <form onSubmit={onSubmit} data-reset-on-success className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <TextField id="cohort-name" name="name" label="Cohort name" state={state} required />
      <TextField id="cohort-start" name="startsAt" type="date" label="Starts (optional)" state={state} />
      <Submit pending={pending}>Create cohort</Submit>
      <div className="sm:col-span-3"><FormStatus state={state} success={state?.ok ? `Created with join code ${state.data.joinCode}.` : null} /></div>
    </form>
  );
}

export function DeadlineForm({ cohortId, module, dueAt }: { cohortId: string; module: { id: string; title: string }; dueAt: string }) {
  const [state, onSubmit, pending] = useStudioForm(setDeadlineAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="moduleId" value={module.id} />
      <TextField id={`due-${module.id}`} name="dueAt" type="date" label={`Soft deadline for “${module.title}”`} hint="Leave empty for none." state={state} defaultValue={dueAt} />
      <Submit pending={pending} variant="secondary">Save deadline</Submit>
      <FormStatus state={state} success="Saved." />
    </form>
  );
}
