import { describe, expect, it } from "vitest";
import { dataUrl, detectImageType, parseDataUrl, safeImageName } from "./image-type";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const gif = new TextEncoder().encode("GIF89a....");
const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");

describe("detectImageType", () => {
  it("recognises PNG, JPEG, GIF and WebP by their bytes", () => {
    expect(detectImageType(png)).toEqual({ ext: "png", mime: "image/png" });
    expect(detectImageType(jpg)?.ext).toBe("jpg");
    expect(detectImageType(gif)?.ext).toBe("gif");
    expect(detectImageType(webp)?.ext).toBe("webp");
  });
  it("refuses SVG, HTML and anything renamed to look like an image", () => {
    expect(detectImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("<html><body>hi</body></html>"))).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe("names and data URLs", () => {
  it("makes a safe name with the detected extension", () => {
    expect(safeImageName("../../Étude Figure 1.svg", { ext: "png", mime: "image/png" })).toBe("etude-figure-1.png");
    expect(safeImageName("....", { ext: "jpg", mime: "image/jpeg" })).toBe("image.jpg");
  });
  it("round-trips bytes through a data URL", () => {
    const back = parseDataUrl(dataUrl("image/png", png));
    expect(back?.mime).toBe("image/png");
    expect(new Uint8Array(back!.bytes)).toEqual(png);
    expect(parseDataUrl("data:text/html,<b>x</b>")).toBeNull();
  });
});
