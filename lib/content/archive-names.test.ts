// Course archives: file names that could escape the course folder and files listed twice are refused.
import { describe, expect, it } from "vitest";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, archiveToFiles, firstDuplicateFileName, safeArchiveName } from "./bundle";

const archive = (filesJson: string) => `{"format":"${ARCHIVE_FORMAT}","version":${ARCHIVE_VERSION},"files":${filesJson}}`;

describe("archiveToFiles", () => {
  it("refuses a file listed twice, which JSON.parse would silently merge", () => {
    const text = archive(`{"course.yaml":"a","modules/01-x/module.yaml":"b","course.yaml":"c"}`);
    expect(archiveToFiles(text)).toEqual({ error: "File course.yaml appears twice in the archive." });
    expect(firstDuplicateFileName(archive(`{"a":"x","b":"{\\"a\\":1,\\"a\\":2}","c":["a","a"]}`))).toBeNull();
    expect(firstDuplicateFileName(`{"files":{"x\\u0041":"1","xA":"2"}}`)).toBe("xA");
  });
  it("refuses names that leave the folder or are not plain relative paths", () => {
    for (const name of ["../x", "a/../../x", "/etc/passwd", "a\\..\\b", "C:/x", "a//b", "./a", "a/./b", "", ".hidden", "a\\u0000b"])
      expect(safeArchiveName(name), JSON.stringify(name)).toBe(false);
    for (const name of ["course.yaml", "modules/01-foundations/01-paracrine-defined.md", "figures/m01-four-modes.svg", "glossary/m01-m02.yaml"])
      expect(safeArchiveName(name), name).toBe(true);
    expect(archiveToFiles(archive(`{"../../x":"a"}`))).toEqual({ error: "File name ../../x is not allowed." });
  });
});
