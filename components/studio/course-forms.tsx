"use client";
import { useState } from "react";
import { addInstructorAction, createLessonAction, createModuleAction, renameModuleAction, updateCourseSettingsAction } from "@/lib/actions/studio";
import { FormStatus, Submit, TextAreaField, TextField, useStudioForm } from "./form";

export function CourseSettingsForm({ course }: { course: { id: string; title: string; summary: string; description: string; passMark: number } }) {
  const [state, action, pending] = useStudioForm(updateCourseSettingsAction);
  return (
    <form onSubmit={action} className="space-y-4" noValidate>
      <input type="hidden" name="courseId" value={course.id} />
      <TextField id="settings-title" name="title" label="Title" state={state} defaultValue={course.title} required />
      <TextAreaField id="settings-summary" name="summary" label="Summary" hint="One or two sentences for the catalogue." state={state} defaultValue={course.summary} rows={2} />
      <TextAreaField id="settings-description" name="description" label="Description (Markdown)" state={state} defaultValue={course.description} rows={5} />
      <TextField id="settings-pass" name="passMark" type="number" min={0} max={100} label="Pass mark (%)" state={state} defaultValue={course.passMark} required />
      <FormStatus state={state} success="Settings saved." />
      <Submit pending={pending}>Save settings</Submit>
    </form>
  );
}

export function AddInstructorForm({ courseId }: { courseId: string }) {
  const [state, action, pending] = useStudioForm(addInstructorAction);
  return (
    <form onSubmit={action} data-reset-on-success className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <div className="min-w-64 flex-1">
        <TextField id="co-email" name="email" type="email" label="Co-instructor's email" state={state} required autoComplete="off" />
      </div>
      <Submit pending={pending} variant="secondary">Add co-instructor</Submit>
      <FormStatus state={state} success="Added to the team." />
    </form>
  );
}

export function NewModuleForm({ courseId }: { courseId: string }) {
  const [state, action, pending] = useStudioForm(createModuleAction);
  return (
    <form onSubmit={action} data-reset-on-success className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <TextField id="module-title" name="title" label="New module title" state={state} required />
      <TextField id="module-slug" name="slug" label="Slug (optional)" state={state} />
      <Submit pending={pending} variant="secondary">Add module</Submit>
      <div className="sm:col-span-3"><FormStatus state={state} /></div>
    </form>
  );
}

export function RenameModuleForm({ module }: { module: { id: string; title: string; summary: string } }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useStudioForm(renameModuleAction);
  if (!open)
    return (
      <button type="button" className="text-sm underline" onClick={() => setOpen(true)} aria-label={`Rename module ${module.title}`}>
        Rename
      </button>
    );
  return (
    <form onSubmit={action} className="mt-2 space-y-2" noValidate>
      <input type="hidden" name="moduleId" value={module.id} />
      <TextField id={`rename-${module.id}`} name="title" label="Module title" state={state} defaultValue={module.title} required autoFocus />
      <TextAreaField id={`summary-${module.id}`} name="summary" label="Module summary" state={state} defaultValue={module.summary} rows={2} />
      <div className="flex gap-2">
        <Submit pending={pending} variant="secondary">Save module</Submit>
        <button type="button" className="text-sm underline" onClick={() => setOpen(false)}>Close</button>
      </div>
      <FormStatus state={state} success="Module saved." />
    </form>
  );
}

export function NewLessonForm({ moduleId, moduleTitle }: { moduleId: string; moduleTitle: string }) {
  const [state, action, pending] = useStudioForm(createLessonAction);
  return (
    <form onSubmit={action} data-reset-on-success className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="moduleId" value={moduleId} />
      <div className="min-w-64 flex-1">
        <TextField id={`lesson-title-${moduleId}`} name="title" label={`New lesson in “${moduleTitle}”`} state={state} required />
      </div>
      <Submit pending={pending} variant="secondary">Add lesson</Submit>
      <FormStatus state={state} />
    </form>
  );
}
