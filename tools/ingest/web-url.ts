const TRACKING_PARAMETER =
  /^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|igshid|ocid|cmp|cmpid|ref_src|ref_url|__twitter_impression)$/i;

/** A URL without tracking parameters (`utm_*`, `fbclid`, `ref_src`, ...); anything that is not a URL is returned as it is. */
export function stripTracking(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const keys = [...parsed.searchParams.keys()].filter((key) => TRACKING_PARAMETER.test(key));
  if (keys.length === 0) return url;
  for (const key of keys) parsed.searchParams.delete(key);
  return parsed.href;
}

/** The schemes each kind of URL may have: a page is on the web; a link may also write an email; an image must be secure. */
const ALLOWED_PROTOCOLS: Readonly<Record<'page' | 'link' | 'image', readonly string[]>> = {
  page: ['http:', 'https:'],
  link: ['http:', 'https:', 'mailto:'],
  image: ['https:'],
};

/**
 * A URL resolved against `baseUrl` (when given) and kept only when its scheme suits its kind: `http:`/`https:` for a
 * page, those and `mailto:` for a link, `https:` for an image. Anything else is `undefined`.
 */
export function safeUrl(
  value: unknown,
  baseUrl: string | undefined,
  kind: 'page' | 'link' | 'image',
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = baseUrl ? new URL(value.trim(), baseUrl) : new URL(value.trim());
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS[kind].includes(url.protocol) ? url.href : undefined;
}

// WordPress and most CMSs serve resized copies of an upload as name-750x375.jpg.
function pictureKey(url: URL): string {
  return `${url.host}${url.pathname.replace(/-\d+x\d+(?=\.\w+$)/, '')}`;
}

/** Whether two image URLs are the same picture: the same file, or a resized copy of it (`name-750x375.jpg`). */
export function samePicture(a: string, b: string): boolean {
  try {
    return pictureKey(new URL(a)) === pictureKey(new URL(b));
  } catch {
    return false;
  }
}

/** An article's address for `sourceUrl`: `http:` or `https:` only, tracking parameters and fragment removed. */
export function cleanSourceUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(stripTracking(url));
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.hash = '';
  return parsed.href;
}

/** Where an embedded frame's content can be read as a page: the post itself for social embeds, the watch page for videos. */
export function embedTarget(src: string): { url: string; label: string } | undefined {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^www\./, '');
  const youtube = /^(?:youtube\.com|youtube-nocookie\.com)$/.test(host) && /^\/embed\/([\w-]+)/.exec(url.pathname);
  if (youtube) return { url: `https://www.youtube.com/watch?v=${youtube[1]}`, label: 'Video on YouTube' };
  const vimeo = host === 'player.vimeo.com' && /^\/video\/(\d+)/.exec(url.pathname);
  if (vimeo) return { url: `https://vimeo.com/${vimeo[1]}`, label: 'Video on Vimeo' };
  if (host === 'facebook.com' && url.pathname.startsWith('/plugins/')) {
    const target = url.searchParams.get('href');
    if (target && /^https:\/\/(?:www\.)?facebook\.com\//.test(target)) {
      return { url: target, label: url.pathname.includes('video') ? 'Video on Facebook' : 'Post on Facebook' };
    }
    return undefined;
  }
  if (/^(?:platform\.)?twitter\.com$|^x\.com$/.test(host) && url.searchParams.get('id')) {
    return { url: `https://twitter.com/i/status/${url.searchParams.get('id')}`, label: 'Post on X' };
  }
  if (host === 'instagram.com' && /^\/(?:p|reel)\/[\w-]+/.test(url.pathname)) {
    return {
      url: `https://www.instagram.com${/^\/(?:p|reel)\/[\w-]+/.exec(url.pathname)?.[0]}/`,
      label: 'Post on Instagram',
    };
  }
  if (host === 'tiktok.com' && /^\/embed\/(?:v2\/)?(\d+)/.test(url.pathname)) {
    return { url: `https://www.tiktok.com/video/${/(\d+)/.exec(url.pathname)?.[1]}`, label: 'Video on TikTok' };
  }
  if (host === 'open.spotify.com' && url.pathname.startsWith('/embed/')) {
    return { url: `https://open.spotify.com/${url.pathname.slice('/embed/'.length)}`, label: 'Listen on Spotify' };
  }
  if (/(?:^|\.)soundcloud\.com$/.test(host) && url.searchParams.get('url')) {
    return { url: url.searchParams.get('url') ?? '', label: 'Listen on SoundCloud' };
  }
  return undefined;
}
