// Copies an imported article's images into the content folder beside it, so the built site serves them itself
// (optimised by Astro) and a reader's browser never contacts the outlet's servers.
import { splitMarkdown } from '../../../src/lib/frontmatter';
import { validateArticleFile } from '../article-file';
import { ImportError } from '../errors';
import type { ArticlePlan, PlannedAsset } from '../plan';
import { splitArticleParts, withLeadImageSource } from './front-matter-image';
import { inspectImage } from './inspect';
import { applyEdits, findBodyImages, imageMarkdown, type TextEdit } from './markdown-images';
import type { ImageDownloader, ImageOptions } from './types';

/** What became of one image address. */
type Outcome =
  | { readonly kind: 'copied'; readonly reference: string; readonly asset: PlannedAsset }
  | { readonly kind: 'dropped'; readonly width: number; readonly height: number }
  | { readonly kind: 'kept'; readonly reason: string };

function isHttps(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The article's folder for its images (`articles/2024/05/<slug>`) and how the article refers to it (`./<slug>`). */
function imageFolder(articlePath: string): { folder: string; relative: string } {
  const folder = articlePath.replace(/\.md$/, '');
  return { folder, relative: `./${folder.slice(folder.lastIndexOf('/') + 1)}` };
}

/** Downloads one address and decides what becomes of it. */
async function localise(
  url: string,
  download: ImageDownloader,
  place: { folder: string; relative: string },
): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await download(url);
  } catch (error) {
    // The note names the URL already; the HTTP client's messages start with it too.
    const message = (error instanceof Error ? error.message : String(error)).replace(`${url}: `, '');
    return { kind: 'kept', reason: /[.!?]$/.test(message) ? message : `${message}.` };
  }
  const inspected = await inspectImage(bytes);
  if (inspected.kind === 'refused') return { kind: 'kept', reason: inspected.reason };
  if (inspected.kind === 'pixel') return { kind: 'dropped', width: inspected.width, height: inspected.height };
  const name = `${inspected.hash}.${inspected.ext}`;
  return {
    kind: 'copied',
    reference: `${place.relative}/${name}`,
    asset: { path: `${place.folder}/${name}`, contents: bytes },
  };
}

/** The ids the article names (its source and `via`): the plan has checked them already, so validation must know them. */
function namedSources(data: Record<string, unknown>): Set<string> {
  const via = Array.isArray(data['via']) ? data['via'] : [];
  return new Set([data['source'], ...via].filter((id): id is string => typeof id === 'string'));
}

function keptNote(url: string, reason: string): string {
  return `kept the remote image ${url}: ${reason} The article links to it on the outlet's server; save a copy beside the article and point to it if you want it served by the site.`;
}

/**
 * Downloads the `https:` images of a planned article (its lead image and every `![alt](https://…)` in its body), each
 * address once, and plans them as files beside the article, `articles/YYYY/MM/<slug>/<hash>.<ext>`, with the
 * references rewritten to `./<slug>/<hash>.<ext>`. Tracking pixels (at most 2×2) are removed from the article. An
 * image that cannot be copied (a download error, not JPEG/PNG/WebP/GIF/AVIF, too large) keeps its address, with a
 * note. With `options.remote` the plan is returned unchanged. Throws an ImportError only when the rewritten article
 * would not be valid.
 */
export async function localiseImages(plan: ArticlePlan, options: ImageOptions): Promise<ArticlePlan> {
  if (options.remote) return plan;
  const fileIndex = plan.files.findIndex((file) => file.path.startsWith('articles/') && file.path.endsWith('.md'));
  const file = plan.files[fileIndex];
  const parts = file && splitArticleParts(file.contents);
  if (!file || !parts) return plan;
  const { data } = splitMarkdown(file.contents);
  const image = data['image'];
  const leadSource =
    typeof image === 'object' && image !== null ? (image as Record<string, unknown>)['src'] : undefined;
  const leadUrl = isHttps(leadSource) ? leadSource : undefined;
  const bodyImages = findBodyImages(parts.body).filter((found) => isHttps(found.url));
  const urls = [...new Set([...(leadUrl ? [leadUrl] : []), ...bodyImages.map((found) => found.url)])];
  if (urls.length === 0) return plan;

  const place = imageFolder(file.path);
  const outcomes = new Map<string, Outcome>();
  // One at a time: the HTTP client paces the requests to each host anyway, and the notes follow the article's order.
  for (const url of urls) outcomes.set(url, await localise(url, options.download, place));

  const notes: string[] = [];
  const assets = new Map<string, PlannedAsset>();
  for (const [url, outcome] of outcomes) {
    if (outcome.kind === 'copied') assets.set(outcome.asset.path, outcome.asset);
    else if (outcome.kind === 'kept') notes.push(keptNote(url, outcome.reason));
  }

  let header = parts.header;
  const leadOutcome = leadUrl ? outcomes.get(leadUrl) : undefined;
  if (leadOutcome?.kind === 'copied' || leadOutcome?.kind === 'dropped') {
    const rewritten = withLeadImageSource(header, leadOutcome.kind === 'copied' ? leadOutcome.reference : undefined);
    if (rewritten === undefined) {
      throw new ImportError(
        `the lead image ${leadUrl} could not be rewritten: the article's front matter has no image block as the importer writes it.`,
      );
    }
    header = rewritten;
    if (leadOutcome.kind === 'dropped') {
      notes.push(
        `left out the lead image ${leadUrl}: it is ${leadOutcome.width}×${leadOutcome.height} pixels, a tracking pixel rather than a picture (add image: { src, alt } by hand if the story has one).`,
      );
    }
  }

  const edits: TextEdit[] = [];
  for (const found of bodyImages) {
    const outcome = outcomes.get(found.url);
    if (outcome?.kind === 'copied') {
      edits.push({ start: found.start, end: found.end, text: imageMarkdown({ ...found, url: outcome.reference }) });
    } else if (outcome?.kind === 'dropped') {
      edits.push({ start: found.removeStart, end: found.removeEnd, text: '' });
      notes.push(
        `removed the image ${found.url} from the text: it is ${outcome.width}×${outcome.height} pixels, a tracking pixel rather than a picture.`,
      );
    }
  }
  const body = applyEdits(parts.body, edits).trim();
  const contents = `${header}\n${body}\n`;
  validateArticleFile(contents, namedSources(data));
  const files = plan.files.map((planned, index) => (index === fileIndex ? { path: planned.path, contents } : planned));
  return { ...plan, files, assets: [...plan.assets, ...assets.values()], notes: [...plan.notes, ...new Set(notes)] };
}
