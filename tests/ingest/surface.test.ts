import { describe, expect, it } from 'vitest';
import * as ingest from '../../tools/ingest';

// Commands (npm run import, npm run fetch) use only this surface, so a new export is a decision, not an accident.
describe('the ingestion library', () => {
  it('exports the stages a command needs and nothing else', () => {
    expect(Object.keys(ingest).sort()).toEqual([
      'ImportError',
      'IntakeUsageError',
      'exitCodeOf',
      'httpClientFor',
      'httpImageDownloader',
      'imageMediaType',
      'localiseImages',
      'planArticle',
      'readContentSnapshot',
      'readDraftFile',
      'readHtmlPage',
      'reportMarkdown',
      'reportText',
      'runIntake',
      'saveArticleIndex',
      'withPlan',
      'writePlannedFiles',
    ]);
  });
});
