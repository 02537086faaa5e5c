import { parseTextSize, TEXT_SIZES, type TextSize, textSizeClass } from '@/lib/reader/text-size';
import { load, STORAGE_KEYS, save } from './storage';

/** Puts the class of `size` on <html>, removing the others. */
export function applyTextSize(size: TextSize): void {
  const root = document.documentElement;
  for (const other of TEXT_SIZES) {
    const name = textSizeClass(other);
    if (name) root.classList.toggle(name, other === size);
  }
}

/** Applies the stored size at once (the module's first act, before anything else), and returns it. */
export function applyStoredTextSize(): TextSize {
  const size = parseTextSize(load(STORAGE_KEYS.textSize));
  applyTextSize(size);
  return size;
}

/**
 * Tells the service worker the size, through a cache both can read (it has no localStorage): it then serves pages
 * with the size's class already on <html>, so they are laid out at that size from the first paint.
 */
function shareWithWorker(key: string | undefined, size: TextSize): void {
  if (!key || !('caches' in window)) return;
  const update = async () => {
    const cache = await caches.open('broadsheet-settings');
    if (size === 'normal') await cache.delete(key);
    else await cache.put(key, new Response(size));
  };
  update().catch(() => undefined);
}

/**
 * Wires the three size buttons (`[data-text-size]`): each applies, stores and shows itself as pressed. `workerKey`
 * is where the service worker reads the size.
 */
export function setUpTextSizeButtons(
  controls: ParentNode,
  current: TextSize,
  workerKey: string | undefined,
): (size: TextSize) => void {
  const buttons = [...controls.querySelectorAll<HTMLButtonElement>('button[data-text-size]')];
  const show = (size: TextSize) => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset['textSize'] === size));
  };
  show(current);
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const size = parseTextSize(button.dataset['textSize'] ?? null);
      applyTextSize(size);
      save(STORAGE_KEYS.textSize, size === 'normal' ? null : size);
      shareWithWorker(workerKey, size);
      show(size);
    });
  }
  return show;
}
