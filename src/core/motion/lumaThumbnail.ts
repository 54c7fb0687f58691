import { THUMB_HEIGHT, THUMB_WIDTH, type ThumbnailBuffer } from './greyThumbnail';

/** A frame's 8-bit luma (Y) plane as WebCodecs' VideoFrame.copyTo lays it out. */
export interface LumaPlane {
  data: Uint8Array;
  /** Byte offset of the first row in `data`. */
  offset: number;
  /** Bytes from one row to the next. */
  stride: number;
  width: number;
  height: number;
  /** Studio-range video (Y 16..235 for black..white, most decoded video) is stretched to 0..255 like RGB grey. */
  fullRange: boolean;
}

/** The row step is the cell height over this, rounded down: rows 0, 3, 6 and 9 of a 10-row cell (see below). */
const ROWS_PER_CELL = 3;

/** How many frames' gate thumbnails came from the luma plane, and from a canvas draw (frames without one). */
export interface ThumbnailCounts {
  luma: number;
  canvas: number;
}

/** Cell edges (pixels of the plane) for one geometry, and the running column sums of its width. */
class Geometry {
  readonly colStart: Int32Array;
  readonly rowStart: Int32Array;
  readonly rowStep: number;
  /** Every cell edge falls on an even column, so a 16-bit lane holding two neighbouring bytes never straddles one. */
  readonly pairs: boolean;
  /** prefix[x]: the sum of the sampled rows' bytes in columns 0..x-1 (the word path writes the even x only). */
  readonly prefix: Int32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly outWidth: number,
    readonly outHeight: number,
  ) {
    this.colStart = Int32Array.from({ length: outWidth + 1 }, (_, i) => Math.round((i * width) / outWidth));
    this.rowStart = Int32Array.from({ length: outHeight + 1 }, (_, i) =>
      Math.round((i * height) / outHeight),
    );
    this.rowStep = Math.max(1, Math.floor(height / outHeight / ROWS_PER_CELL));
    this.pairs = this.colStart.every((x) => x % 2 === 0);
    this.prefix = new Int32Array(width + 1);
  }

  fits(width: number, height: number, outWidth: number, outHeight: number): boolean {
    return (
      this.width === width &&
      this.height === height &&
      this.outWidth === outWidth &&
      this.outHeight === outHeight
    );
  }
}

// Kept between calls: the per-frame path allocates nothing.
let geometry: Geometry | null = null;
let wordView: Uint32Array | null = null;

/** The plane's bytes as 32-bit words (the view is kept while the caller reuses its buffer). */
function wordsOf(data: Uint8Array): Uint32Array {
  if (wordView?.buffer !== data.buffer || wordView.byteOffset !== data.byteOffset)
    wordView = new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2);
  return wordView;
}

/**
 * Grey thumbnail (0..255, the same scale as greyThumbnail's Rec.601 grey of RGB) from a frame's luma plane: each
 * cell is the mean of every column of the cell over rows a third of its height apart (rows 0, 3, 6 and 9 of a 10-row
 * cell). Why luma: decoded video and cameras hand frames over as YUV, so the grey is already there on the CPU and no
 * GPU readback is needed. Why a third (ROWS_PER_CELL 3): against the exact area average of ffmpeg's RGB frames (20
 * frames of each shared clip, 640x480), the mean |diff| per clip is 1.21 to 1.26 grey levels with every row, 1.44 to
 * 1.67 with ROWS_PER_CELL 5, 1.41 to 1.63 with 3 and 2.47 to 4.76 with 2, while the cost falls with the rows: each
 * clip alone picks 3. In Chromium, against the exact area average of the RGB frame it shows: 0.6 to 1.5 grey levels,
 * the canvas draw 1.5 to 3.7.
 * How it is fast (session 24: 0.04 ms in Node for 640x480, was 0.11): each output row's sampled rows are summed
 * column by column into running sums, and a cell is the difference of two of them. Where the plane is 4-aligned and
 * every cell edge is on an even column, it is read four bytes at a time and neighbouring bytes are added in pairs,
 * two pairs per 32-bit word (SWAR); otherwise byte by byte, with the same result. Tried and dropped: the same sums
 * in WebAssembly SIMD over a plane copied straight into the module's memory (0.019 ms in Node, but in the page 0.035
 * ms against 0.045 ms here, the plane being read cold after the copy: not worth a build step and a second path).
 */
export function lumaThumbnail(
  plane: LumaPlane,
  out: ThumbnailBuffer,
  outWidth: number = THUMB_WIDTH,
  outHeight: number = THUMB_HEIGHT,
): void {
  const { data, offset, stride, width, height } = plane;
  if (width < outWidth || height < outHeight)
    throw new RangeError('lumaThumbnail: frame smaller than the thumbnail');
  if (stride < width || offset + (height - 1) * stride + width > data.length)
    throw new RangeError('lumaThumbnail: plane buffer too small');
  if (out.length < outWidth * outHeight) throw new RangeError('lumaThumbnail: output buffer too small');
  if (!geometry?.fits(width, height, outWidth, outHeight))
    geometry = new Geometry(width, height, outWidth, outHeight);
  const { colStart, rowStart, rowStep, prefix } = geometry;
  const aligned = geometry.pairs && offset % 4 === 0 && stride % 4 === 0 && data.byteOffset % 4 === 0;
  const words = aligned ? width >> 2 : 0;
  const view = aligned ? wordsOf(data) : null;
  const scale = plane.fullRange ? 1 : 255 / 219;
  const black = plane.fullRange ? 0 : 16;
  const rounds = !(out instanceof Float32Array);
  for (let oy = 0; oy < outHeight; oy++) {
    const first = offset + rowStart[oy] * stride;
    const rows = Math.ceil((rowStart[oy + 1] - rowStart[oy]) / rowStep);
    const step = rowStep * stride;
    const end = first + rows * step;
    let acc = 0;
    if (view) {
      // Per 16-bit lane, the sum of two bytes over the rows: at most 510 * rows, far below 65536 for ~4 rows.
      // Little-endian words (every platform a browser runs on): bytes 0 and 1 in the low lane, 2 and 3 above.
      const wordStep = step >> 2;
      const wordEnd = end >> 2;
      const a = first >> 2;
      if (rows === 4) {
        // The common case (a 10-row cell, every third row), unrolled: about 1.3x faster than the loop below.
        const b = a + wordStep;
        const c = b + wordStep;
        const d = c + wordStep;
        for (let j = 0; j < words; j++) {
          const p = view[a + j];
          const q = view[b + j];
          const r = view[c + j];
          const t = view[d + j];
          const low = (p & 0x00ff00ff) + (q & 0x00ff00ff) + (r & 0x00ff00ff) + (t & 0x00ff00ff);
          const high = ((p >>> 8) & 0x00ff00ff) + ((q >>> 8) & 0x00ff00ff) + ((r >>> 8) & 0x00ff00ff);
          const pair = low + high + ((t >>> 8) & 0x00ff00ff);
          acc += pair & 0xffff;
          prefix[4 * j + 2] = acc;
          acc += pair >>> 16;
          prefix[4 * j + 4] = acc;
        }
      } else {
        for (let j = 0; j < words; j++) {
          let pair = 0;
          for (let w = a + j; w < wordEnd + j; w += wordStep) {
            const v = view[w];
            pair += (v & 0x00ff00ff) + ((v >>> 8) & 0x00ff00ff);
          }
          acc += pair & 0xffff;
          prefix[4 * j + 2] = acc;
          acc += pair >>> 16;
          prefix[4 * j + 4] = acc;
        }
      }
    }
    for (let x = words << 2; x < width; x++) {
      for (let i = first + x; i < end + x; i += step) acc += data[i];
      prefix[x + 1] = acc;
    }
    const base = oy * outWidth;
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = colStart[ox];
      const x1 = colStart[ox + 1];
      const v = Math.min(255, Math.max(0, ((prefix[x1] - prefix[x0]) / ((x1 - x0) * rows) - black) * scale));
      out[base + ox] = rounds ? Math.round(v) : v;
    }
  }
}
