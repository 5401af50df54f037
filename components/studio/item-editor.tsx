"use client";
// The JSON-free question editor: one form per item type, validated on the server with the shared
// item contract; field errors come back keyed by these field names.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { saveItemAction } from "@/lib/actions/studio";
import { LEVELS, TOPICS } from "@/lib/items/schema";
import { FormStatus, SelectField, Submit, TextAreaField, TextField, useStudioForm } from "./form";

export interface ItemEditorValues {
  itemId?: string;
  /** The version the editor was opened on: a save against a newer one is refused (no lost updates). */
  version?: number;
  key: string;
  type: string;
  stem: string;
  explanation: string;
  topic: string;
  level: string;
  check: boolean;
  moduleId: string;
  lessonId: string;
  objectiveId: string;
  options: string;
  answer?: "true" | "false";
  value?: string;
  tolerance?: string;
  unit?: string;
  lines: string;
}

interface Props {
  courseId: string;
  modules: { id: string; title: string; lessons: { id: string; title: string; objectives: { id: string; key: string; text: string }[] }[] }[];
  initial: ItemEditorValues;
}

const TYPE_LABELS: Record<string, string> = {
  single: "Single choice", multiple: "Multiple choice", truefalse: "True / false", numeric: "Numeric", short: "Short answer", matching: "Matching", ordering: "Ordering",
};

export function ItemEditor({ courseId, modules, initial }: Props) {
  const router = useRouter();
  const [type, setType] = useState(initial.type);
  const [state, onSubmit, pending] = useStudioForm(saveItemAction, (d: { id: string }) => {
    if (!initial.itemId) router.push(`/studio/${courseId}/items/${d.id}`);
    else router.refresh();
  });
  const lessons = modules.flatMap((m) => m.lessons);
  const objectives = lessons.flatMap((l) => l.objectives.map((o) => ({ ...o, lesson: l.title })));
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      {initial.itemId ? <input type="hidden" name="itemId" value={initial.itemId} /> : null}
      {initial.itemId ? <input type="hidden" name="version" value={initial.version ?? 0} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="item-key" name="key" label="Key" hint="Unique in the course." state={state} defaultValue={initial.key} required />
        <SelectField id="item-type" name="type" label="Type" state={state} value={type} onChange={(e) => setType(e.target.value)}>
          {Object.entries(TYPE_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </SelectField>
        <SelectField id="item-module" name="moduleId" label="Module" state={state} defaultValue={initial.moduleId} required>
          {modules.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
        </SelectField>
        <SelectField id="item-lesson" name="lessonId" label="Lesson (optional)" state={state} defaultValue={initial.lessonId}>
          <option value="">None</option>
          {lessons.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
        </SelectField>
        <SelectField id="item-objective" name="objectiveId" label="Objective (optional)" state={state} defaultValue={initial.objectiveId}>
          <option value="">None</option>
          {objectives.map((o) => <option key={o.id} value={o.id}>{o.key}: {o.text}</option>)}
        </SelectField>
        <div className="grid grid-cols-2 gap-4">
          <SelectField id="item-topic" name="topic" label="Topic" state={state} defaultValue={initial.topic}>
            <option value="">—</option>
            {TOPICS.map((t) => <option key={t} value={t}>{t}</option>)}
          </SelectField>
          <SelectField id="item-level" name="level" label="Level" state={state} defaultValue={initial.level}>
            <option value="">—</option>
            {LEVELS.map((t) => <option key={t} value={t}>{t}</option>)}
          </SelectField>
        </div>
      </div>
      <div className="flex items-center gap-2">
        <input id="item-check" name="check" type="checkbox" defaultChecked={initial.check} />
        <label htmlFor="item-check">End-of-lesson check (otherwise: module quiz)</label>
      </div>
      <TextAreaField id="item-stem" name="stem" label="Question (Markdown)" state={state} defaultValue={initial.stem} rows={4} required />

      {type === "single" || type === "multiple" ? (
        <TextAreaField
          id="item-options" name="options" label="Options, one per line" state={state} defaultValue={initial.options} rows={6}
          hint={`Start a correct option with =, a wrong one with ~. Add feedback after " # ".${type === "multiple" ? " Credit is shared equally between the correct options." : " Exactly one option is correct."}`}
        />
      ) : null}
      {type === "truefalse" ? (
        <SelectField id="item-answer" name="answer" label="The statement is" state={state} defaultValue={initial.answer ?? ""}>
          <option value="" disabled>Choose…</option>
          <option value="true">True</option>
          <option value="false">False</option>
        </SelectField>
      ) : null}
      {type === "numeric" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField id="item-value" name="value" label="Correct value" inputMode="decimal" state={state} defaultValue={initial.value} />
          <TextField id="item-tolerance" name="tolerance" label="Tolerance (±)" inputMode="decimal" state={state} defaultValue={initial.tolerance ?? "0"} />
          <TextField id="item-unit" name="unit" label="Unit (optional)" state={state} defaultValue={initial.unit} />
        </div>
      ) : null}
      {type === "short" || type === "matching" || type === "ordering" ? (
        <TextAreaField
          id="item-lines" name="lines" state={state} defaultValue={initial.lines} rows={6}
          label={type === "short" ? "Accepted answers, one per line" : type === "matching" ? "Pairs, one per line" : "Steps in the right order, one per line"}
          hint={type === "short" ? 'Case is ignored. Feedback after " # ".' : type === "matching" ? "Write each pair as: prompt -> match" : "Learners see them shuffled."}
        />
      ) : null}
      <TextAreaField id="item-explanation" name="explanation" label="Explanation shown after answering (Markdown)" state={state} defaultValue={initial.explanation} rows={3} />
      <FormStatus state={state} success="Question saved. Publish the course for learners to see the change." />
      <Submit pending={pending}>{initial.itemId ? "Save question" : "Create question"}</Submit>
    </form>
  );
}
