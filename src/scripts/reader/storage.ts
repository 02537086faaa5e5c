// The reader layer's storage: localStorage under `broadsheet:` names, nothing ever sent anywhere. A browser that
// refuses storage (private mode, a full quota, storage turned off) gets a layer that forgets, never an error.

/** Where each thing is kept. */
export const STORAGE_KEYS = {
  read: 'broadsheet:read',
  visit: 'broadsheet:visit',
  textSize: 'broadsheet:text-size',
} as const;

/** The stored value, or `null` when there is none or storage is refused. */
export function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a value (or removes it, given `null`); a refusal is ignored. */
export function save(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused: the layer works for this page and forgets.
  }
}
