/** The case scenario (when the item belongs to a case) and the question stem, both sanitised HTML from the server. */
export function ItemPrompt({ id, stem, caseTitle, scenario }: { id: string; stem: string; caseTitle: string | null; scenario: string | null }) {
  return (
    <>
      {scenario ? (
        <section aria-label={caseTitle ? `Case: ${caseTitle}` : "Case"} className="rounded-md bg-slate-50 p-3 dark:bg-slate-800">
          {caseTitle ? <p className="font-semibold">Case: {caseTitle}</p> : null}
          <div className="prose-lesson" dangerouslySetInnerHTML={{ __html: scenario }} />
        </section>
      ) : null}
      <div id={`stem-${id}`} className="prose-lesson text-lg" dangerouslySetInnerHTML={{ __html: stem }} />
    </>
  );
}
