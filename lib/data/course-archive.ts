import "server-only";
// Imports a course from its files (content/ folder or an exported archive) and exports it back. The
// seed, the studio's import page and the CLI all go through importCourseFiles. Everything a course
// import writes happens in one transaction: a course is never half-imported.
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canEditCourse, type Actor } from "@/lib/auth/permissions";
import { bundleToFiles, parseCourseFiles, type CourseBundle, type CourseFiles, type Problem } from "@/lib/content/bundle";
import { checkBundle, countWords } from "@/lib/content/check";
import { itemSchema, type Item } from "@/lib/items/schema";
import { storage } from "@/lib/storage";
import { activitiesSchema } from "@/lib/lab/activities";
import { MAX_IMAGE_BYTES, dataUrl, detectImageType, parseDataUrl } from "@/lib/assets/image-type";
import { svgProblem } from "@/lib/assets/svg-safety";
import { PRESETS } from "@/lib/sim/presets";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface ImportReport {
  courseId: string;
  slug: string;
  created: boolean;
  counts: { modules: number; lessons: number; objectives: number; items: number; cases: number; glossary: number; figures: number };
  warnings: Problem[];
}

export interface ImportOptions {
  /** Publish everything after importing (the seed does; the studio lets the instructor decide). */
  publish?: boolean;
  /** Import under this slug instead of the archive's (to make a copy). */
  slug?: string;
}

export function itemSnapshot(i: { type: string; stem: string; stemFormat: string; explanation: string; data: string }): string {
  return JSON.stringify({ type: i.type, stem: i.stem, stemFormat: i.stemFormat, explanation: i.explanation, data: JSON.parse(i.data) });
}

/** Copies every draft of a course to what learners see, in the caller's transaction. */
export async function publishCourseTx(tx: Tx, courseId: string, now = new Date()): Promise<void> {
  const modules = await tx.module.findMany({ where: { courseId, archivedAt: null }, select: { id: true, title: true, summary: true } });
  for (const m of modules) await tx.module.update({ where: { id: m.id }, data: { publishedTitle: m.title, publishedSummary: m.summary, publishedAt: now } });
  const lessons = await tx.lesson.findMany({ where: { courseId, archivedAt: null }, select: { id: true, title: true, body: true, version: true, publishedVersion: true, activities: true, publishedActivities: true } });
  for (const l of lessons) {
    if (l.publishedVersion === l.version && l.publishedActivities === l.activities) continue;
    await tx.lesson.update({
      where: { id: l.id },
      data: { publishedTitle: l.title, publishedBody: l.body, publishedVersion: l.version, publishedActivities: l.activities, publishedAt: now, wordCount: countWords(l.body) },
    });
    if (l.publishedVersion === l.version) continue;
    await tx.lessonRevision.create({ data: { lessonId: l.id, version: l.version, title: l.title, body: l.body, kind: "PUBLISHED" } });
  }
  const items = await tx.item.findMany({ where: { courseId, archivedAt: null }, select: { id: true, type: true, stem: true, stemFormat: true, explanation: true, data: true, published: true } });
  for (const i of items) {
    const snap = itemSnapshot(i);
    if (snap !== i.published) await tx.item.update({ where: { id: i.id }, data: { published: snap, publishedAt: now } });
  }
  await tx.course.update({ where: { id: courseId }, data: { status: "PUBLISHED", publishedAt: now } });
}

export async function importCourseFiles(files: CourseFiles, actor: Actor, opts: ImportOptions = {}): Promise<ImportReport> {
  const { bundle, problems } = parseCourseFiles(files);
  if (!bundle || problems.length) {
    throw new AppError("VALIDATION", `The course could not be imported: ${problems.length} problem(s).`, {
      files: problems.slice(0, 50).map((p) => `${p.file}: ${p.message}`),
    });
  }
  if (opts.slug) bundle.course.slug = opts.slug;
  const checked = checkBundle(bundle, { presetIds: new Set(PRESETS.map((p) => p.id)) });
  // Duplicate keys would break the import half-way; everything else is a warning the author can fix later.
  const fatal = checked.filter((p) => /(defined|used) twice/.test(p.message));
  if (fatal.length) throw new AppError("VALIDATION", `The course could not be imported: ${fatal.length} duplicate key(s).`, { files: fatal.map((p) => `${p.file}: ${p.message}`) });
  const warnings = checked;

  // Figures go to content-addressed storage first: an aborted import leaves only unreferenced files.
  const figureKeys = new Map<string, { key: string; size: number; mime: string }>();
  // Each figure is checked before anything is stored: SVG must be free of script and external loads,
  // anything else must be a PNG, JPEG, GIF or WebP by its bytes (a text/html "figure" is refused).
  const figureProblems: string[] = [];
  const figures: { name: string; bytes: Buffer; mime: string }[] = [];
  for (const [name, content] of Object.entries(bundle.figures)) {
    if (name.endsWith(".svg")) {
      const problem = svgProblem(content);
      if (problem) figureProblems.push(`figures/${name} ${problem}.`);
      else figures.push({ name, bytes: Buffer.from(content, "utf8"), mime: "image/svg+xml" });
      continue;
    }
    const binary = parseDataUrl(content);
    const type = binary ? detectImageType(binary.bytes) : null;
    if (!binary || !type) figureProblems.push(`figures/${name} is not an SVG, PNG, JPEG, GIF or WebP image.`);
    else if (binary.bytes.length > MAX_IMAGE_BYTES) figureProblems.push(`figures/${name} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
    else figures.push({ name, bytes: binary.bytes, mime: type.mime });
  }
  if (figureProblems.length) throw new AppError("VALIDATION", `The course could not be imported: ${figureProblems.length} figure(s) refused.`, { files: figureProblems.slice(0, 50) });
  for (const f of figures) figureKeys.set(f.name, { key: await storage().put(f.bytes), size: f.bytes.length, mime: f.mime });

  return db.$transaction(
    async (tx) => {
      const existing = await tx.course.findUnique({ where: { slug: bundle.course.slug }, select: { id: true, status: true, instructors: { select: { userId: true, role: true } } } });
      if (existing && !canEditCourse(actor, existing)) throw new AppError("FORBIDDEN", "A course with this slug exists and you do not teach it.");
      if (!existing && actor.role !== "INSTRUCTOR" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only instructors can create courses.");
      const c = bundle.course;
      const course = existing
        ? await tx.course.update({ where: { id: existing.id }, data: { title: c.title, summary: c.summary, description: c.description, passMark: c.passMark } })
        : await tx.course.create({
            data: { slug: c.slug, title: c.title, summary: c.summary, description: c.description, passMark: c.passMark, instructors: { create: { userId: actor.id, role: "OWNER" } } },
          });
      const counts = await writeBundle(tx, course.id, bundle, figureKeys);
      if (opts.publish) await publishCourseTx(tx, course.id);
      return { courseId: course.id, slug: course.slug, created: !existing, counts, warnings };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function writeBundle(tx: Tx, courseId: string, b: CourseBundle, figureKeys: Map<string, { key: string; size: number; mime: string }>) {
  await tx.glossaryTerm.deleteMany({ where: { courseId } });
  if (b.glossary.length) await tx.glossaryTerm.createMany({ data: b.glossary.map((g) => ({ courseId, slug: g.slug, term: g.term, definition: g.definition })) });

  for (const [name, f] of figureKeys) {
    const mime = f.mime;
    await tx.asset.upsert({ where: { courseId_name: { courseId, name } }, create: { courseId, name, mime, size: f.size, storageKey: f.key }, update: { mime, size: f.size, storageKey: f.key } });
  }

  const seen = { modules: new Set<string>(), lessons: new Set<string>(), items: new Set<string>() };
  const objectiveIds = new Map<string, { id: string; lessonId: string }>();
  let objectives = 0;
  let items = 0;
  let cases = 0;
  for (const m of b.modules) {
    const mod = await tx.module.upsert({
      where: { courseId_slug: { courseId, slug: m.meta.slug } },
      create: { courseId, slug: m.meta.slug, order: m.meta.order, title: m.meta.title, summary: m.meta.summary, passMark: m.meta.passMark ?? null, references: JSON.stringify(m.meta.references) },
      update: { order: m.meta.order, title: m.meta.title, summary: m.meta.summary, passMark: m.meta.passMark ?? null, references: JSON.stringify(m.meta.references), archivedAt: null },
    });
    seen.modules.add(mod.id);
    for (const l of m.lessons) {
      const prev = await tx.lesson.findUnique({ where: { courseId_slug: { courseId, slug: l.front.slug } }, select: { id: true, title: true, body: true, version: true } });
      const activities = JSON.stringify(l.front.activities ?? []);
      const changed = !prev || prev.title !== l.front.title || prev.body !== l.body;
      const lesson = prev
        ? await tx.lesson.update({
            where: { id: prev.id },
            data: { moduleId: mod.id, order: l.front.order, title: l.front.title, body: l.body, activities, version: changed ? prev.version + 1 : prev.version, archivedAt: null },
          })
        : await tx.lesson.create({ data: { courseId, moduleId: mod.id, slug: l.front.slug, order: l.front.order, title: l.front.title, body: l.body, activities, wordCount: countWords(l.body) } });
      if (changed) await tx.lessonRevision.create({ data: { lessonId: lesson.id, version: lesson.version, title: lesson.title, body: lesson.body, kind: "DRAFT" } });
      seen.lessons.add(lesson.id);
      for (const [i, o] of l.front.objectives.entries()) {
        const obj = await tx.objective.upsert({
          where: { courseId_key: { courseId, key: o.key } },
          create: { courseId, lessonId: lesson.id, key: o.key, text: o.text, order: i },
          update: { lessonId: lesson.id, text: o.text, order: i },
        });
        objectiveIds.set(o.key, { id: obj.id, lessonId: lesson.id });
        objectives++;
      }
    }
    const caseIds = new Map<string, string>();
    for (const c of m.cases) {
      const row = await tx.itemCase.upsert({
        where: { courseId_key: { courseId, key: c.key } },
        create: { courseId, moduleId: mod.id, key: c.key, title: c.title, scenario: c.scenario },
        update: { moduleId: mod.id, title: c.title, scenario: c.scenario },
      });
      caseIds.set(c.key, row.id);
      cases++;
    }
    for (const [order, it] of m.items.entries()) {
      const obj = it.objective ? objectiveIds.get(it.objective) : undefined;
      const data = {
        moduleId: mod.id,
        lessonId: obj?.lessonId ?? null,
        objectiveId: obj?.id ?? null,
        caseId: it.caseKey ? caseIds.get(it.caseKey) ?? null : null,
        type: it.data.type,
        topic: it.topic ?? null,
        level: it.level ?? null,
        check: it.check,
        step: it.step ?? null,
        order,
        stem: it.stem,
        stemFormat: it.stemFormat,
        explanation: it.explanation,
        data: JSON.stringify(it.data),
        archivedAt: null,
      };
      const row = await tx.item.upsert({ where: { courseId_key: { courseId, key: it.key } }, create: { courseId, key: it.key, ...data }, update: { ...data, version: { increment: 1 } } });
      seen.items.add(row.id);
      items++;
    }
  }
  // What the archive no longer has is archived, not deleted: learners' history keeps pointing at it.
  const now = new Date();
  await tx.module.updateMany({ where: { courseId, id: { notIn: [...seen.modules] }, archivedAt: null }, data: { archivedAt: now } });
  await tx.lesson.updateMany({ where: { courseId, id: { notIn: [...seen.lessons] }, archivedAt: null }, data: { archivedAt: now } });
  await tx.item.updateMany({ where: { courseId, id: { notIn: [...seen.items] }, archivedAt: null }, data: { archivedAt: now } });
  return { modules: b.modules.length, lessons: seen.lessons.size, objectives, items, cases, glossary: b.glossary.length, figures: figureKeys.size };
}

/** The course's drafts as course files (the archive's content). */
export async function exportCourseFiles(courseId: string, actor: Actor): Promise<CourseFiles> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      slug: true, title: true, summary: true, description: true, passMark: true, status: true,
      instructors: { select: { userId: true, role: true } },
      glossary: { select: { slug: true, term: true, definition: true }, orderBy: { slug: "asc" } },
      assets: { select: { name: true, mime: true, storageKey: true }, orderBy: { name: "asc" } },
      modules: {
        where: { archivedAt: null },
        orderBy: [{ order: "asc" }, { slug: "asc" }],
        select: {
          slug: true, order: true, title: true, summary: true, passMark: true, references: true,
          cases: { select: { key: true, title: true, scenario: true }, orderBy: { key: "asc" } },
          lessons: {
            where: { archivedAt: null },
            orderBy: [{ order: "asc" }, { slug: "asc" }],
            select: { slug: true, order: true, title: true, body: true, activities: true, objectives: { orderBy: { order: "asc" }, select: { key: true, text: true } } },
          },
          items: {
            where: { archivedAt: null },
            orderBy: [{ order: "asc" }, { key: "asc" }],
            select: { key: true, stem: true, stemFormat: true, explanation: true, topic: true, level: true, check: true, step: true, data: true, objective: { select: { key: true } }, case: { select: { key: true } } },
          },
        },
      },
    },
  });
  if (!course) throw new AppError("NOT_FOUND", "That course was not found.");
  if (!canEditCourse(actor, course)) throw new AppError("FORBIDDEN", "You do not have permission to export this course.");
  const figures: Record<string, string> = {};
  for (const a of course.assets) {
    const bytes = await storage().get(a.storageKey);
    if (!bytes) continue;
    figures[a.name] = a.name.endsWith(".svg") ? bytes.toString("utf8") : dataUrl(a.mime, new Uint8Array(bytes));
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  const bundle: CourseBundle = {
    course: { slug: course.slug, title: course.title, summary: course.summary, description: course.description, passMark: course.passMark },
    glossary: course.glossary,
    figures,
    modules: course.modules.map((m, mi) => ({
      dir: `${pad(mi + 1)}-${m.slug}`,
      meta: { slug: m.slug, title: m.title, order: m.order, summary: m.summary, ...(m.passMark !== null ? { passMark: m.passMark } : {}), references: JSON.parse(m.references) as string[] },
      cases: m.cases,
      lessons: m.lessons.map((l, li) => {
        const activities = activitiesSchema.parse(JSON.parse(l.activities));
        return { file: `${pad(li + 1)}-${l.slug}.md`, front: { slug: l.slug, title: l.title, order: l.order, objectives: l.objectives, ...(activities.length ? { activities } : {}) }, body: l.body };
      }),
      items: m.items.map(
        (i): Item =>
          itemSchema.parse({
            key: i.key, stem: i.stem, stemFormat: i.stemFormat, explanation: i.explanation,
            objective: i.objective?.key, topic: i.topic ?? undefined, level: i.level ?? undefined,
            check: i.check, caseKey: i.case?.key, step: i.step ?? undefined, data: JSON.parse(i.data),
          }),
      ),
    })),
  };
  return bundleToFiles(bundle);
}
