import type { SegmenterInfo } from '../segmenter/segmenterTypes';

/** Cost-saver mode sends a smaller frame: less to resize and read back (and, for a cloud API, to upload). */
const REDUCED_SCALE = 160 / 256;
/** Width sent to a runtime that takes any size (kept at the frame's aspect ratio). */
const DEFAULT_INPUT_WIDTH = 256;

/**
 * The model's input made from a frame, resized once (by the browser, on the GPU where it has one) to the size the
 * model wants, smaller in cost-saver mode. The live pipeline, the bench and the sweep all call this, so they feed
 * the model identical pixels.
 */
export function modelInput(
  image: ImageBitmap,
  info: SegmenterInfo | null | undefined,
  reduced = false,
): Promise<ImageBitmap> {
  const wanted = info?.inputSize ?? null;
  const scale = reduced ? REDUCED_SCALE : 1;
  const width = Math.round((wanted?.width ?? DEFAULT_INPUT_WIDTH) * scale);
  const height = Math.round(wanted ? wanted.height * scale : (width * image.height) / image.width);
  return createImageBitmap(image, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
}
