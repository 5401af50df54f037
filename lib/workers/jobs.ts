// The jobs the parse worker runs, shared by the worker entry (parse-worker.ts) and the pool (pool.ts).
// Everything crossing the thread boundary is structured-cloneable: options are data, not functions.
import { parseGift, type GiftParseResult } from "../gift/parse";
import { renderMarkdown, type GlossaryLookup, type Rendered } from "../markdown/render";

export interface RenderJob {
  kind: "markdown";
  markdown: string;
  glossary?: GlossaryLookup;
  glossaryHref?: string;
  /** Figure file name → URL; figures not listed are dropped (RenderOptions.figureUrl as data). */
  figureUrls?: Record<string, string>;
}

export interface GiftJob {
  kind: "gift";
  text: string;
}

export type Job = RenderJob | GiftJob;
export type JobResult<J extends Job> = J extends RenderJob ? Rendered : GiftParseResult;

export function runJob(job: Job): Rendered | GiftParseResult {
  if (job.kind === "markdown") {
    const urls = job.figureUrls ?? {};
    return renderMarkdown(job.markdown, {
      glossary: job.glossary,
      glossaryHref: job.glossaryHref,
      figureUrl: (name) => (Object.hasOwn(urls, name) ? urls[name] : null),
    });
  }
  return parseGift(job.text);
}
