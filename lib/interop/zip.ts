// Zipping packages and unzipping untrusted ones. The limits are checked from the central directory
// before anything is inflated (fflate inflates into a buffer of the declared size, so a lying header
// cannot make an entry larger than the cap), and again on the inflated bytes.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { InteropError } from "./xml";

export type PackageFiles = Record<string, string | Uint8Array>;

export interface UnzipLimits {
  /** Largest single entry, inflated (bytes). */
  maxEntryBytes: number;
  /** Largest sum of all entries, inflated (bytes). */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: UnzipLimits = { maxEntryBytes: 5 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxEntries: 5000 };

/** A fixed timestamp keeps the same input producing the same bytes. */
const MTIME = new Date("2020-01-01T00:00:00Z");

export function zipFiles(files: PackageFiles): Uint8Array {
  const z: Zippable = {};
  for (const [name, content] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    checkEntryName(name);
    z[name] = [typeof content === "string" ? strToU8(content) : content, { mtime: MTIME }];
  }
  return zipSync(z, { level: 6 });
}

export function checkEntryName(name: string): void {
  const bad =
    name.length === 0 ||
    name.length > 500 ||
    name.startsWith("/") ||
    name.includes("\\") ||
    name.includes("\0") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((seg) => seg === ".." || seg === ".");
  if (bad) throw new InteropError("unsafe", `zip entry name not allowed: ${JSON.stringify(name.slice(0, 100))}`);
}

/** Unzips a package, refusing path traversal, oversized entries and too many entries. Directories are skipped. */
export function unzipPackage(data: Uint8Array, limits: UnzipLimits = DEFAULT_LIMITS): Record<string, Uint8Array> {
  let count = 0;
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => {
        count += 1;
        if (count > limits.maxEntries) throw new InteropError("too-large", `the package has more than ${limits.maxEntries} entries`);
        checkEntryName(f.name.endsWith("/") ? f.name.slice(0, -1) || "x" : f.name);
        if (f.name.endsWith("/")) return false;
        if (f.originalSize > limits.maxEntryBytes) throw new InteropError("too-large", `${f.name} is larger than ${limits.maxEntryBytes} bytes`);
        declared += f.originalSize;
        if (declared > limits.maxTotalBytes) throw new InteropError("too-large", `the package inflates to more than ${limits.maxTotalBytes} bytes`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InteropError) throw e;
    throw new InteropError("malformed", `not a readable zip file (${(e as Error).message})`);
  }
  for (const [name, bytes] of Object.entries(files))
    if (bytes.length > limits.maxEntryBytes) throw new InteropError("too-large", `${name} is larger than ${limits.maxEntryBytes} bytes`);
  return files;
}

export const utf8 = (b: Uint8Array) => strFromU8(b);
