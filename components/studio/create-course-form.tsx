"use client";
import { useRouter } from "next/navigation";
import { createCourseAction } from "@/lib/actions/studio";
import { FormStatus, Submit, TextField, useStudioForm } from "./form";

export function CreateCourseForm() {
  const router = useRouter();
  const [state, action, pending] = useStudioForm(createCourseAction, (d: { id: string }) => router.push(`/studio/${d.id}`));
  return (
    <form onSubmit={action} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
      <TextField id="new-title" name="title" label="Title" state={state} required maxLength={200} />
      <TextField id="new-slug" name="slug" label="Slug" hint="Used in the address: lower-case letters, digits, hyphens." state={state} required pattern="[a-z0-9]+(-[a-z0-9]+)*" />
      <Submit pending={pending}>Create course</Submit>
      <div className="sm:col-span-3">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
