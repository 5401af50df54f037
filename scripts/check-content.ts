// npm run content:check [-- <folder>]: parses and checks a course folder, prints problems and stats.
import path from "node:path";
import { parseCourseFiles } from "../lib/content/bundle";
import { checkBundle, courseStats } from "../lib/content/check";
import { readCourseFolder } from "../lib/content/read-folder";

const dir = path.resolve(process.argv[2] ?? "content/paracrine");
const { bundle, problems } = parseCourseFiles(readCourseFolder(dir));
const all = bundle ? [...problems, ...checkBundle(bundle)] : problems;
for (const p of all) console.log(`${p.file}: ${p.message}`);
if (bundle) console.log(JSON.stringify(courseStats(bundle), null, 2));
console.log(all.length ? `${all.length} problem(s)` : "no problems");
process.exit(all.length ? 1 : 0);
