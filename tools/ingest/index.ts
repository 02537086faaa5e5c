// The ingestion library's public surface: everything a command needs (npm run import now, feed intake next), and
// nothing else. The stages, in order: read a saved page or scrape into an ArticleDraft; plan the files it becomes
// against a snapshot of the content folder; write them, all or none. Commands import from here only, so the modules
// behind it can change without touching them.
export { type ContentSnapshot, readContentSnapshot } from './content-snapshot';
export type { ArticleDraft } from './draft';
export { ImportError } from './errors';
export { type HtmlPageOptions, readHtmlPage } from './html-page';
export { type ArticlePlan, type ImportChoices, type PlannedFile, planArticle, withPlan } from './plan';
export { type ReadOptions, readDraftFile } from './read-input';
export { writePlannedFiles } from './write-files';
