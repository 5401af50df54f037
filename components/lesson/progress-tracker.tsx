"use client";
// Records how far the learner has read (the furthest point and the heading in view) and the time
// spent while the tab is visible, every 15 s and when the page is hidden. Resumes at the last heading.
import { useEffect, useRef } from "react";
import { recordProgressAction } from "@/lib/actions/learning";

export function LessonProgressTracker({ lessonId, resumeAnchor }: { lessonId: string; resumeAnchor: string | null }) {
  const state = useRef({ max: 0, anchor: null as string | null, since: 0, dirty: false });

  useEffect(() => {
    if (resumeAnchor && !window.location.hash) document.getElementById(resumeAnchor)?.scrollIntoView();
  }, [resumeAnchor]);

  useEffect(() => {
    const s = state.current;
    s.since = Date.now();
    const measure = () => {
      const doc = document.documentElement;
      const frac = Math.min(1, (window.scrollY + window.innerHeight) / Math.max(doc.scrollHeight, 1));
      if (frac > s.max + 0.01) (s.max = frac), (s.dirty = true);
      const headings = [...document.querySelectorAll<HTMLElement>(".prose-lesson h2[id], .prose-lesson h3[id]")];
      const current = headings.filter((h) => h.getBoundingClientRect().top < window.innerHeight * 0.3).pop();
      if (current && current.id !== s.anchor) (s.anchor = current.id), (s.dirty = true);
    };
    const flush = () => {
      const seconds = document.visibilityState === "visible" || s.dirty ? Math.min(300, Math.round((Date.now() - s.since) / 1000)) : 0;
      s.since = Date.now();
      if (!s.dirty && seconds < 5) return;
      s.dirty = false;
      void recordProgressAction({ lessonId, position: Number(s.max.toFixed(3)), anchor: s.anchor, seconds });
    };
    measure();
    window.addEventListener("scroll", measure, { passive: true });
    const timer = window.setInterval(flush, 15_000);
    const onHide = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      flush();
      window.removeEventListener("scroll", measure);
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [lessonId]);
  return null;
}
