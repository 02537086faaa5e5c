import { itemMark, markRead, nextVisit, parseReadHistory, parseVisitState } from '@/lib/reader/history';
import { load, STORAGE_KEYS, save } from './storage';
import { readerText } from './text';

// Listing items are ArticleCard's `article.card`, found by its headline link and its <time>.
const CARD = 'article.card';
const HEADLINE_LINK = 'h3.headline a[href]';

/** Records this page view: a new visit starts after a long gap. Returns what "new" is measured from. */
export function recordVisit(now: number): number | undefined {
  const visit = nextVisit(parseVisitState(load(STORAGE_KEYS.visit)), now);
  save(STORAGE_KEYS.visit, JSON.stringify(visit));
  return visit.since;
}

/** Records that the article at `path` was opened. */
export function recordRead(path: string): void {
  save(STORAGE_KEYS.read, JSON.stringify(markRead(parseReadHistory(load(STORAGE_KEYS.read)), path)));
}

/** Marks each listing item opened before (`data-read`) or new since `since` (`data-new`), with a visible word. */
export function markListing(since: number | undefined): void {
  const read = new Set(parseReadHistory(load(STORAGE_KEYS.read)));
  for (const card of document.querySelectorAll<HTMLElement>(CARD)) {
    const link = card.querySelector<HTMLAnchorElement>(HEADLINE_LINK);
    if (!link) continue;
    const time = card.querySelector('time[datetime]');
    const mark = itemMark(new URL(link.href).pathname, time?.getAttribute('datetime') ?? undefined, read, since);
    if (!mark) continue;
    card.setAttribute(mark === 'read' ? 'data-read' : 'data-new', '');
    const label = document.createElement('span');
    label.className = `reader-mark reader-mark-${mark}`;
    label.textContent = mark === 'read' ? readerText().markRead : readerText().markNew;
    if (time) time.after(' ', label);
    else link.after(' ', label);
  }
}

/** Forgets every opened article and the visits, and takes the marks off the page. */
export function clearHistory(now: number): void {
  save(STORAGE_KEYS.read, null);
  save(STORAGE_KEYS.visit, JSON.stringify({ lastSeen: now }));
  unmarkListing();
}

/** Takes every mark off the listing. */
export function unmarkListing(): void {
  for (const card of document.querySelectorAll<HTMLElement>(CARD)) {
    card.removeAttribute('data-read');
    card.removeAttribute('data-new');
  }
  for (const label of document.querySelectorAll('.reader-mark')) {
    const space = label.previousSibling;
    if (space?.nodeType === Node.TEXT_NODE && space.textContent === ' ') space.remove();
    label.remove();
  }
}

/** The listing's headline links, in order. */
export function headlineLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>(`${CARD} ${HEADLINE_LINK}`)];
}
