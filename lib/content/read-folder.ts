// Reads a course folder into a file map (text files only: YAML, Markdown, SVG).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { CourseFiles } from "./bundle";

export function readCourseFolder(dir: string): CourseFiles {
  const files: CourseFiles = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, r);
      if (statSync(full).isDirectory()) walk(r);
      else if (/\.(ya?ml|md|svg)$/.test(name)) files[r] = readFileSync(full, "utf8");
    }
  };
  walk("");
  return files;
}
