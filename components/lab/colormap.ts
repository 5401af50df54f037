// Viridis (perceptually uniform, readable with colour-vision deficiencies), 9 stops, interpolated.
const STOPS = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"];
const rgb = STOPS.map((h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]);

/** 256 × RGB lookup table. */
export const VIRIDIS = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const t = (i / 255) * (rgb.length - 1);
    const j = Math.min(rgb.length - 2, Math.floor(t));
    const f = t - j;
    for (let c = 0; c < 3; c++) lut[i * 3 + c] = Math.round(rgb[j][c] + f * (rgb[j + 1][c] - rgb[j][c]));
  }
  return lut;
})();

export const VIRIDIS_CSS = `linear-gradient(to right, ${STOPS.join(", ")})`;
