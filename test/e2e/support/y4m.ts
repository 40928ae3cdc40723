/**
 * YUV4MPEG2 ("Y4M") video files for Chromium's fake camera (`--use-file-for-fake-video-capture`).
 * The format is a text header line, then per frame the line `FRAME` and the raw planes: 4:2:0 here,
 * so a full-size Y (luma) plane and quarter-size U and V planes.
 * Spec: https://wiki.multimedia.cx/index.php/YUV4MPEG2
 */
export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, rows top to bottom. */
  readonly data: Uint8Array;
}

export interface I420Planes {
  readonly y: Uint8Array;
  readonly u: Uint8Array;
  readonly v: Uint8Array;
}

const clamp = (value: number): number => (value < 0 ? 0 : value > 255 ? 255 : Math.round(value));

/**
 * RGBA → I420 with the BT.601 "studio range" matrix (Y 16–235, U/V 16–240), which is what Chromium
 * assumes for a Y4M file. Alpha is ignored. Each U/V sample is the mean of its 2×2 block.
 */
export function rgbaToI420(frame: RgbaFrame): I420Planes {
  const { width, height, data } = frame;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error(`4:2:0 needs even sides, got ${width}×${height}`);
  if (data.length !== width * height * 4) throw new Error(`a ${width}×${height} RGBA frame has ${width * height * 4} bytes, got ${data.length}`);
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array(u.length);
  for (let i = 0, p = 0; i < y.length; i++, p += 4) {
    y[i] = clamp(16 + (65.738 * data[p]! + 129.057 * data[p + 1]! + 25.064 * data[p + 2]!) / 256);
  }
  for (let cy = 0; cy < height / 2; cy++) {
    for (let cx = 0; cx < width / 2; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((cy * 2 + dy) * width + cx * 2 + dx) * 4;
        r += data[p]!;
        g += data[p + 1]!;
        b += data[p + 2]!;
      }
      r /= 4;
      g /= 4;
      b /= 4;
      const c = cy * (width / 2) + cx;
      u[c] = clamp(128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256);
      v[c] = clamp(128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256);
    }
  }
  return { y, u, v };
}

/** A whole .y4m file: every frame the same size, progressive, square pixels. */
export function encodeY4m(frames: readonly RgbaFrame[], options: { readonly fps: number }): Buffer {
  const [first] = frames;
  if (!first) throw new Error('a Y4M file needs at least one frame');
  if (!Number.isInteger(options.fps) || options.fps < 1) throw new Error(`fps must be a positive whole number, got ${options.fps}`);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${first.width} H${first.height} F${options.fps}:1 Ip A1:1 C420jpeg\n`, 'ascii')];
  for (const frame of frames) {
    if (frame.width !== first.width || frame.height !== first.height) throw new Error(`every frame must be ${first.width}×${first.height}, got ${frame.width}×${frame.height}`);
    const { y, u, v } = rgbaToI420(frame);
    parts.push(Buffer.from('FRAME\n', 'ascii'), Buffer.from(y), Buffer.from(u), Buffer.from(v));
  }
  return Buffer.concat(parts);
}
