import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { getCourseAccess } from "@/lib/data/courses";
import { listGlossary } from "@/lib/data/glossary";

export const metadata: Metadata = { title: "Glossary" };

export default async function GlossaryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await getCourseAccess(slug, await getCurrentUser());
  if (!access) notFound();
  const terms = await listGlossary(access.course.id);
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href={`/courses/${slug}`}>← {access.course.title}</Link>
      </p>
      <h1 className="text-3xl font-bold">Glossary</h1>
      <dl className="space-y-4">
        {terms.map((t) => (
          <div key={t.slug} id={`term-${t.slug}`} className="scroll-mt-20">
            <dt className="font-semibold">{t.term}</dt>
            <dd className="text-slate-700 dark:text-slate-300">{t.definition}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
