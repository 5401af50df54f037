import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { InteropError } from "./xml";
import { checkEntryName, unzipPackage, utf8, zipFiles } from "./zip";

const limits = { maxEntryBytes: 100_000, maxTotalBytes: 150_000, maxEntries: 10 };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InteropError) return e.code;
    throw e;
  }
  return "accepted";
}

describe("zip packages", () => {
  it("round-trips files and writes the same bytes for the same input", () => {
    const files = { "b/x.xml": "<x>λ</x>", "a.txt": "hello" };
    const z = zipFiles(files);
    expect(zipFiles(files)).toEqual(z);
    const back = unzipPackage(z);
    expect(Object.fromEntries(Object.entries(back).map(([k, v]) => [k, utf8(v)]))).toEqual(files);
  });

  it("refuses entry names that could escape the extraction folder", () => {
    for (const bad of ["../x", "a/../../x", "/etc/passwd", "C:/x", "a\\..\\x", "a/./b", ""]) expect(codeOf(() => checkEntryName(bad)), bad).toBe("unsafe");
    expect(codeOf(() => checkEntryName("items/m01-q01.xml"))).toBe("accepted");
    expect(codeOf(() => zipFiles({ "../x": "y" }))).toBe("unsafe");
  });

  it("refuses a package whose entries add up to more than the total cap", () => {
    const z = zipSync({ "a.bin": new Uint8Array(90_000), "b.bin": new Uint8Array(90_000) });
    expect(codeOf(() => unzipPackage(z, limits))).toBe("too-large");
  });

  it("never inflates an entry past the size its header declares (a lying header cannot bypass the cap)", () => {
    const z = zipSync({ "a.xml": new Uint8Array(2_000_000) });
    // Rewrite the central directory's uncompressed size to 1,000 bytes.
    let cd = -1;
    for (let i = z.length - 22; i >= 0 && cd < 0; i--) if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 1 && z[i + 3] === 2) cd = i;
    new DataView(z.buffer, z.byteOffset).setUint32(cd + 24, 1000, true);
    expect(unzipPackage(z, limits)["a.xml"].length).toBe(1000);
  });

  it("skips directory entries and refuses bytes that are not a zip", () => {
    const z = zipSync({ "dir/": new Uint8Array(0), "dir/a.xml": strToU8("<a/>") });
    expect(Object.keys(unzipPackage(z))).toEqual(["dir/a.xml"]);
    expect(codeOf(() => unzipPackage(strToU8("PK but not really")))).toBe("malformed");
  });
});
