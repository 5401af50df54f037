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
  /**
   * Past this many questions only the count comes back: copying 100,000 reports to the request thread
   * would block it for about a second (structured clone), which the worker is there to avoid.
   */
  maxQuestions?: number;
}

export type GiftJobResult = GiftParseResult & { tooMany?: number };

export type Job = RenderJob | GiftJob;
export type JobResult<J extends Job> = J extends RenderJob ? Rendered : GiftJobResult;

export function runJob(job: Job): Rendered | GiftJobResult {
  if (job.kind === "markdown") {
    const urls = job.figureUrls ?? {};
    return renderMarkdown(job.markdown, {
      glossary: job.glossary,
      glossaryHref: job.glossaryHref,
      figureUrl: (name) => (Object.hasOwn(urls, name) ? urls[name] : null),
    });
  }
  const result = parseGift(job.text);
  if (job.maxQuestions !== undefined && result.questions.length > job.maxQuestions) return { questions: [], tooMany: result.questions.length };
  return result;
}
