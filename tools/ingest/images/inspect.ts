import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

/** The largest image the importer copies, in bytes: the same 5 MiB the importer reads of a page. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The most pixels an image may have. A few kilobytes of PNG can claim billions of pixels (a decompression bomb);
 * sharp refuses anything larger before it decodes, and news photographs are far smaller.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** The largest width and height that count as a tracking pixel rather than a picture. */
export const TRACKING_PIXEL_SIZE = 2;

/** The image formats the site copies, by the extension file-type gives them, with the extension and type written. */
const ALLOWED_FORMATS: Readonly<Record<string, { readonly ext: string; readonly mediaType: string }>> = {
  jpg: { ext: 'jpg', mediaType: 'image/jpeg' },
  png: { ext: 'png', mediaType: 'image/png' },
  // An animated PNG is a PNG to every browser and to sharp.
  apng: { ext: 'png', mediaType: 'image/png' },
  webp: { ext: 'webp', mediaType: 'image/webp' },
  gif: { ext: 'gif', mediaType: 'image/gif' },
  avif: { ext: 'avif', mediaType: 'image/avif' },
};

/** What a downloaded file turned out to be. */
export type InspectedImage =
  | {
      /** A picture the site can copy and Astro can optimise. */
      readonly kind: 'picture';
      /** The file extension to write it under, without a dot. */
      readonly ext: string;
      /** Its media type, such as `image/png`. */
      readonly mediaType: string;
      /** Its width in pixels. */
      readonly width: number;
      /** Its height in pixels. */
      readonly height: number;
      /** The first 16 hex digits of the bytes' SHA-256: the file name, so the same picture is written once. */
      readonly hash: string;
    }
  | {
      /** An image of at most 2×2 pixels: a tracking pixel, not part of the story. */
      readonly kind: 'pixel';
      /** Its width in pixels. */
      readonly width: number;
      /** Its height in pixels. */
      readonly height: number;
    }
  | {
      /** Not something the site copies; `reason` says why in words that follow "kept the remote image <url>: ". */
      readonly kind: 'refused';
      readonly reason: string;
    };

/** Whether the bytes look like an SVG document (file-type does not detect text formats). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).toLowerCase();
  return /^\s*(?:\ufeff)?(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(start);
}

/**
 * Reads what a downloaded image is from its bytes alone (never its URL or Content-Type, which a server can get
 * wrong): only JPEG, PNG, WebP, GIF and AVIF are pictures; SVG can carry scripts and anything else is not an image
 * the site shows. Dimensions come from sharp, which refuses images of more than MAX_IMAGE_PIXELS pixels.
 */
export async function inspectImage(bytes: Uint8Array): Promise<InspectedImage> {
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    return {
      kind: 'refused',
      reason: `it is ${bytes.byteLength.toLocaleString('en')} bytes, and the importer copies images up to 5 MiB.`,
    };
  }
  const type = await fileTypeFromBuffer(bytes);
  const format = type ? ALLOWED_FORMATS[type.ext] : undefined;
  if (!format) {
    const what = looksLikeSvg(bytes)
      ? 'an SVG image, which can carry scripts'
      : type
        ? `a file of type ${type.mime}`
        : 'not an image file the importer recognises';
    return { kind: 'refused', reason: `it is ${what}; only JPEG, PNG, WebP, GIF and AVIF images are copied.` };
  }
  let width: number | undefined;
  let height: number | undefined;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, animated: false, failOn: 'error' });
    const metadata = await image.metadata();
    width = metadata.width;
    height = metadata.height;
    // The header alone can lie: decoding the whole image (into a thumbnail, so memory stays small) proves Astro's
    // build, which decodes it too, will not fail on a truncated or corrupt file.
    await image.resize(16, 16, { fit: 'inside' }).png().toBuffer();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
    return /pixel limit/i.test(message)
      ? { kind: 'refused', reason: `it has more than ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels.` }
      : { kind: 'refused', reason: `its ${format.ext.toUpperCase()} data cannot be read (${message}).` };
  }
  if (!width || !height) {
    return { kind: 'refused', reason: `its ${format.ext.toUpperCase()} data gives no width and height.` };
  }
  // sharp checks the limit when it decodes; the header's own figures are checked here too, for every format.
  if (width * height > MAX_IMAGE_PIXELS) {
    return { kind: 'refused', reason: `it has more than ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels.` };
  }
  if (width <= TRACKING_PIXEL_SIZE && height <= TRACKING_PIXEL_SIZE) return { kind: 'pixel', width, height };
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return { kind: 'picture', ext: format.ext, mediaType: format.mediaType, width, height, hash };
}

/** The media type of an image file the importer writes, by its extension (`undefined` for any other file). */
export function imageMediaType(path: string): string | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  return ext === undefined || ext === 'apng' ? undefined : ALLOWED_FORMATS[ext]?.mediaType;
}
