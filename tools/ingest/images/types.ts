// The contract between image localisation and the commands that use it (npm run import, npm run fetch): an article's
// images are downloaded beside its file so a reader's browser never contacts the outlet's servers.

/** Downloads one image's bytes; throws an Error whose message says why (the HTTP client's rules apply). */
export type ImageDownloader = (url: string) => Promise<Uint8Array>;

/** How an article's images are handled. */
export interface ImageOptions {
  /** `--remote-images`: keep the `https:` addresses, download nothing. */
  readonly remote: boolean;
  /** The downloader; unused when `remote` is true. */
  readonly download: ImageDownloader;
}
