/**
 * Small deterministic image operations for barcode tests and the QR benchmark: render a module grid,
 * then rotate, warp, blur, dim, add noise and place it in a cluttered camera frame. Everything random
 * takes a seeded PRNG, so a failing case is reproducible from its seed.
 *
 * Images are RGBA like a canvas ImageData. Alpha marks coverage: warps leave pixels outside the
 * source transparent, and `compose` / `onBackground` blend them away before decoding.
 */
import jpeg from 'jpeg-js';
import pngjs from 'pngjs';

export interface TestImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export type Random = () => number;

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sample (Box–Muller). */
export function gaussian(random: Random): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export const between = (random: Random, low: number, high: number): number => low + (high - low) * random();

export function blankImage(width: number, height: number, gray = 255, alpha = 255): TestImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = gray;
    data[i + 1] = gray;
    data[i + 2] = gray;
    data[i + 3] = alpha;
  }
  return { data, width, height };
}

/** A symbol as dark/light modules (QR, Data Matrix, Aztec: square; PDF417: rows of equal height). */
export interface ModuleGrid {
  readonly width: number;
  readonly height: number;
  readonly isDark: (x: number, y: number) => boolean;
}

export interface RenderOptions {
  /** Pixels per module; fractional sizes are anti-aliased like a printed code photographed. */
  readonly moduleSize: number;
  /** Light margin around the symbol, in modules (QR needs 4; 2 is often enough in practice). */
  readonly quietZone?: number;
  readonly dark?: number;
  readonly light?: number;
}

/** Rasterises a module grid with 4×4 supersampling per pixel. */
export function renderModules(grid: ModuleGrid, options: RenderOptions): TestImage {
  const { moduleSize, quietZone = 4, dark = 0, light = 255 } = options;
  const width = Math.ceil((grid.width + 2 * quietZone) * moduleSize);
  const height = Math.ceil((grid.height + 2 * quietZone) * moduleSize);
  const image = blankImage(width, height, light);
  const samples = Number.isInteger(moduleSize) ? 1 : 4;
  for (let py = 0; py < height; py += 1) {
    for (let px = 0; px < width; px += 1) {
      let darkSamples = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const mx = Math.floor((px + (sx + 0.5) / samples) / moduleSize) - quietZone;
          const my = Math.floor((py + (sy + 0.5) / samples) / moduleSize) - quietZone;
          if (mx >= 0 && my >= 0 && mx < grid.width && my < grid.height && grid.isDark(mx, my)) darkSamples += 1;
        }
      }
      if (darkSamples > 0) setGray(image, px, py, light + ((dark - light) * darkSamples) / (samples * samples));
    }
  }
  return image;
}

function setGray(image: TestImage, x: number, y: number, gray: number): void {
  const i = (y * image.width + x) * 4;
  image.data[i] = gray;
  image.data[i + 1] = gray;
  image.data[i + 2] = gray;
}

/** Bilinear sample of all four channels; outside the image is transparent. */
function sample(image: TestImage, x: number, y: number, out: Float64Array): void {
  out.fill(0);
  const x0 = Math.floor(x - 0.5);
  const y0 = Math.floor(y - 0.5);
  const fx = x - 0.5 - x0;
  const fy = y - 0.5 - y0;
  for (let dy = 0; dy <= 1; dy += 1) {
    for (let dx = 0; dx <= 1; dx += 1) {
      const sx = x0 + dx;
      const sy = y0 + dy;
      if (sx < 0 || sy < 0 || sx >= image.width || sy >= image.height) continue;
      const weight = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy);
      const i = (sy * image.width + sx) * 4;
      const alpha = (image.data[i + 3] ?? 0) * weight;
      // Premultiplied, so transparent neighbours do not darken edges.
      out[0] = (out[0] ?? 0) + (image.data[i] ?? 0) * alpha;
      out[1] = (out[1] ?? 0) + (image.data[i + 1] ?? 0) * alpha;
      out[2] = (out[2] ?? 0) + (image.data[i + 2] ?? 0) * alpha;
      out[3] = (out[3] ?? 0) + alpha;
    }
  }
}

/** Builds an image by pulling every output pixel centre back to a source position. */
export function warp(image: TestImage, width: number, height: number, toSource: (x: number, y: number) => readonly [number, number]): TestImage {
  const out = blankImage(width, height, 255, 0);
  const pixel = new Float64Array(4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const [sx, sy] = toSource(x + 0.5, y + 0.5);
      sample(image, sx, sy, pixel);
      const alpha = pixel[3] ?? 0;
      if (alpha <= 0) continue;
      const i = (y * width + x) * 4;
      out.data[i] = (pixel[0] ?? 0) / alpha;
      out.data[i + 1] = (pixel[1] ?? 0) / alpha;
      out.data[i + 2] = (pixel[2] ?? 0) / alpha;
      out.data[i + 3] = alpha;
    }
  }
  return out;
}

/** Rotates about the centre (counter-clockwise for positive degrees) on a canvas that fits the result. */
export function rotate(image: TestImage, degrees: number): TestImage {
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const width = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin));
  const height = Math.ceil(Math.abs(image.width * sin) + Math.abs(image.height * cos));
  const [cx, cy, ocx, ocy] = [image.width / 2, image.height / 2, width / 2, height / 2];
  return warp(image, width, height, (x, y) => {
    const dx = x - ocx;
    const dy = y - ocy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  });
}

export function scale(image: TestImage, factor: number): TestImage {
  return warp(image, Math.max(1, Math.round(image.width * factor)), Math.max(1, Math.round(image.height * factor)), (x, y) => [x / factor, y / factor]);
}

export type Quad = readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];

/**
 * Perspective warp: the source's corners (top-left, top-right, bottom-right, bottom-left) land on
 * `corners` in the output, like a card held at an angle to the camera.
 */
export function perspective(image: TestImage, corners: Quad): TestImage {
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const width = Math.max(1, Math.ceil(Math.max(...xs)));
  const height = Math.max(1, Math.ceil(Math.max(...ys)));
  const source: Quad = [
    [0, 0],
    [image.width, 0],
    [image.width, image.height],
    [0, image.height],
  ];
  const h = homography(corners, source);
  return warp(image, width, height, (x, y) => {
    const w = (h[6] ?? 0) * x + (h[7] ?? 0) * y + 1;
    return [((h[0] ?? 0) * x + (h[1] ?? 0) * y + (h[2] ?? 0)) / w, ((h[3] ?? 0) * x + (h[4] ?? 0) * y + (h[5] ?? 0)) / w];
  });
}

/** Mild random perspective: each corner moves by up to `strength` × the longer side, in any direction. */
export function randomPerspective(image: TestImage, strength: number, random: Random): TestImage {
  const { width: w, height: h } = image;
  const move = () => between(random, -strength, strength) * Math.max(w, h);
  const moved = [
    [move(), move()],
    [w + move(), move()],
    [w + move(), h + move()],
    [move(), h + move()],
  ] as const;
  const minX = Math.min(...moved.map(([x]) => x));
  const minY = Math.min(...moved.map(([, y]) => y));
  const at = (i: 0 | 1 | 2 | 3) => [moved[i][0] - minX, moved[i][1] - minY] as const;
  return perspective(image, [at(0), at(1), at(2), at(3)]);
}

/** The 3×3 projective matrix (h33 = 1) taking `from` points to `to` points, by Gaussian elimination. */
function homography(from: Quad, to: Quad): number[] {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const [x, y] = from[i] ?? [0, 0];
    const [u, v] = to[i] ?? [0, 0];
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const n = 8;
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) if (Math.abs(rows[r]?.[col] ?? 0) > Math.abs(rows[pivot]?.[col] ?? 0)) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot] ?? [], rows[col] ?? []];
    const pivotRow = rows[col] ?? [];
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const row = rows[r] ?? [];
      const factor = (row[col] ?? 0) / (pivotRow[col] ?? 1);
      for (let c = col; c <= n; c += 1) row[c] = (row[c] ?? 0) - factor * (pivotRow[c] ?? 0);
    }
  }
  return rows.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Maps black → `dark` and white → `light` (a faded print, a dim screen, glare). */
export function adjustContrast(image: TestImage, dark: number, light: number): TestImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 1) {
    if (i % 4 !== 3) data[i] = dark + ((light - dark) * (data[i] ?? 0)) / 255;
  }
  return { data, width: image.width, height: image.height };
}

/** Uneven light across the image: brightness factor goes from `left` to `right`. */
export function illuminationGradient(image: TestImage, left: number, right: number): TestImage {
  const data = new Uint8ClampedArray(image.data);
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const factor = left + ((right - left) * x) / Math.max(1, image.width - 1);
      const i = (y * image.width + x) * 4;
      for (let c = 0; c < 3; c += 1) data[i + c] = (data[i + c] ?? 0) * factor;
    }
  }
  return { data, width: image.width, height: image.height };
}

/** Sensor-like noise: a normal sample with deviation `sigma` (0–255 scale) added to each pixel's luminance. */
export function addGaussianNoise(image: TestImage, sigma: number, random: Random): TestImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    const noise = gaussian(random) * sigma;
    data[i] = (data[i] ?? 0) + noise;
    data[i + 1] = (data[i + 1] ?? 0) + noise;
    data[i + 2] = (data[i + 2] ?? 0) + noise;
  }
  return { data, width: image.width, height: image.height };
}

/** Separable box blur (out of focus, motion-free). */
export function boxBlur(image: TestImage, radius: number): TestImage {
  if (radius < 1) return image;
  const pass = (input: Uint8ClampedArray, horizontal: boolean): Uint8ClampedArray => {
    const out = new Uint8ClampedArray(input);
    const { width, height } = image;
    const [lines, length] = horizontal ? [height, width] : [width, height];
    for (let line = 0; line < lines; line += 1) {
      for (let c = 0; c < 3; c += 1) {
        const at = (k: number) => ((horizontal ? line * width + k : k * width + line) * 4) + c;
        let sum = 0;
        let count = 0;
        for (let k = 0; k <= Math.min(radius, length - 1); k += 1) {
          sum += input[at(k)] ?? 0;
          count += 1;
        }
        for (let k = 0; k < length; k += 1) {
          out[at(k)] = sum / count;
          const enter = k + radius + 1;
          const leave = k - radius;
          if (enter < length) {
            sum += input[at(enter)] ?? 0;
            count += 1;
          }
          if (leave >= 0) {
            sum -= input[at(leave)] ?? 0;
            count -= 1;
          }
        }
      }
    }
    return out;
  };
  return { data: pass(pass(image.data, true), false), width: image.width, height: image.height };
}

/** Blends `overlay` (using its alpha) onto a copy of `base` with its top-left corner at (x, y). */
export function compose(base: TestImage, overlay: TestImage, x: number, y: number): TestImage {
  const data = new Uint8ClampedArray(base.data);
  const ox = Math.round(x);
  const oy = Math.round(y);
  for (let sy = 0; sy < overlay.height; sy += 1) {
    const ty = oy + sy;
    if (ty < 0 || ty >= base.height) continue;
    for (let sx = 0; sx < overlay.width; sx += 1) {
      const tx = ox + sx;
      if (tx < 0 || tx >= base.width) continue;
      const s = (sy * overlay.width + sx) * 4;
      const t = (ty * base.width + tx) * 4;
      const alpha = (overlay.data[s + 3] ?? 0) / 255;
      if (alpha === 0) continue;
      for (let c = 0; c < 3; c += 1) data[t + c] = (overlay.data[s + c] ?? 0) * alpha + (data[t + c] ?? 0) * (1 - alpha);
    }
  }
  return { data, width: base.width, height: base.height };
}

/** Flattens transparency onto a plain background, leaving an opaque image. */
export function onBackground(image: TestImage, gray = 255): TestImage {
  return compose(blankImage(image.width, image.height, gray), image, 0, 0);
}

/**
 * A camera-like frame with no code in it: a lit gradient, a desk, papers and lines of "text" that
 * a finder-pattern search has to reject.
 */
export function clutteredFrame(width: number, height: number, random: Random): TestImage {
  const data = new Uint8ClampedArray(width * height * 4);
  const [g0, g1] = [between(random, 90, 160), between(random, 120, 220)];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const value = g0 + ((g1 - g0) * (x + y)) / (width + height);
      data[i] = value * 1.05;
      data[i + 1] = value;
      data[i + 2] = value * 0.92;
      data[i + 3] = 255;
    }
  }
  const fill = (x0: number, y0: number, w: number, h: number, gray: number) => {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, y0 + h); y += 1) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, x0 + w); x += 1) {
        const i = (y * width + x) * 4;
        data[i] = gray;
        data[i + 1] = gray;
        data[i + 2] = gray;
      }
    }
  };
  const papers = 2 + Math.floor(random() * 4);
  for (let p = 0; p < papers; p += 1) {
    const [pw, ph] = [between(random, width * 0.15, width * 0.45), between(random, height * 0.2, height * 0.6)];
    const [px, py] = [between(random, -pw / 3, width - pw / 2), between(random, -ph / 3, height - ph / 2)];
    fill(px, py, pw, ph, between(random, 200, 245));
    // Lines of text: short dark dashes in rows.
    for (let ly = py + 12; ly < py + ph - 10; ly += between(random, 9, 16)) {
      for (let lx = px + 10; lx < px + pw - 20; lx += between(random, 8, 30)) fill(lx, ly, between(random, 4, 22), between(random, 2, 5), between(random, 20, 90));
    }
  }
  return { data, width, height };
}

export function toPng(image: TestImage): Buffer {
  const png = new pngjs.PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return pngjs.PNG.sync.write(png);
}

export function toJpeg(image: TestImage, quality = 85): Buffer {
  return jpeg.encode({ data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), width: image.width, height: image.height }, quality).data;
}
