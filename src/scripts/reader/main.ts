import { setUpHelpDialog, setUpKeyboard } from './keyboard';
import { clearHistory, markListing, recordRead, recordVisit, unmarkListing } from './marks';
import { readerText } from './text';
import { applyStoredTextSize, setUpTextSizeButtons } from './text-size';

// The reader layer (docs/reader.md), loaded by ReaderScript.astro as a module on every page when
// siteConfig.reader.enabled: text size, read marks and "new", keys, offline reading. Every page reads the same
// without it.

// First, before anything else, so the page is laid out at the reader's size as early as a module can run.
const textSize = applyStoredTextSize();

const controls = document.querySelector<HTMLElement>('[data-reader-controls]');
const help = document.querySelector<HTMLDialogElement>('dialog[data-key-help]');
const isArticle = document.body.dataset['readerPage'] === 'article';
const now = Date.now();

const since = recordVisit(now);
if (isArticle) recordRead(location.pathname);
markListing(since);

if (help) setUpHelpDialog(help);
setUpKeyboard({ isArticle, searchPage: controls?.dataset['searchPage'] ?? '', help });

const showTextSize = controls && setUpTextSizeButtons(controls, textSize, controls.dataset['textSizeKey']);

// A page restored by Back or Forward (the back/forward cache) runs no script again: bring its marks and text size up
// to date with what the reader did on the pages in between.
addEventListener('pageshow', (event) => {
  if (!event.persisted) return;
  showTextSize?.(applyStoredTextSize());
  unmarkListing();
  markListing(since);
});

if (controls) {
  const status = controls.querySelector('[data-reader-status]');
  controls.querySelector('[data-reader-clear]')?.addEventListener('click', () => {
    clearHistory(Date.now());
    if (status) status.textContent = readerText().cleared;
  });
  controls.querySelector('[data-reader-help]')?.addEventListener('click', () => help?.showModal());
  controls.hidden = false;
}

const worker = controls?.dataset['worker'];
if (worker && 'serviceWorker' in navigator) {
  // After the page has loaded, so that saving pages for offline reading never competes with showing this one.
  const register = () => {
    navigator.serviceWorker.register(worker, { scope: controls?.dataset['scope'] ?? '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
