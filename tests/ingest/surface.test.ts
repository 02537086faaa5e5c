import { describe, expect, it } from 'vitest';
import * as ingest from '../../tools/ingest';

// Commands (the importer, feed intake next) use only this surface, so a new export is a decision, not an accident.
describe('the ingestion library', () => {
  it('exports the stages a command needs and nothing else', () => {
    expect(Object.keys(ingest).sort()).toEqual([
      'ImportError',
      'planArticle',
      'readContentSnapshot',
      'readDraftFile',
      'readHtmlPage',
      'withPlan',
      'writePlannedFiles',
    ]);
  });
});
