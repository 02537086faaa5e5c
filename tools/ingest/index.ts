// The ingestion library's public surface: everything its commands (npm run import, npm run fetch) need, and nothing
// else. The stages, in order: read a saved page, a scrape or a feed item into an ArticleDraft; plan the files it
// becomes against a snapshot of the content folder; download its images beside it; write them, all or none. Commands
// import from here only, so the modules behind it can change without touching them.
export { type ContentSnapshot, readContentSnapshot, saveArticleIndex } from './content-snapshot';
export type { ArticleDraft } from './draft';
export { ImportError } from './errors';
export { type HtmlPageOptions, readHtmlPage } from './html-page';
export { httpClientFor } from './http/client';
export type { HttpClient, HttpClientOptions } from './http/types';
export { httpImageDownloader } from './images/http-downloader';
export { imageMediaType } from './images/inspect';
export { localiseImages } from './images/localise';
export type { ImageDownloader, ImageOptions } from './images/types';
export { exitCodeOf, reportMarkdown, reportText } from './intake/report';
export { type IntakeOptions, type IntakeReport, IntakeUsageError, runIntake } from './intake/run';
export {
  type ArticlePlan,
  type ImportChoices,
  type PlannedAsset,
  type PlannedFile,
  planArticle,
  withPlan,
} from './plan';
export { type ReadOptions, readDraftFile } from './read-input';
export { writePlannedFiles } from './write-files';
