/** Light and dark themes: prefers-color-scheme until the toggle picks one, kept in localStorage. */

export type Theme = 'light' | 'dark';
const Key = 'parley-theme';

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(Key);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

export function currentTheme(): Theme {
  return stored() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/** Sets `data-theme` on <html> (the stylesheet keys its colours on it). */
export function applyTheme(theme: Theme = currentTheme()): void {
  document.documentElement.dataset['theme'] = theme;
}

export function toggleTheme(): Theme {
  const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(Key, next);
  } catch {
    /* private mode: the toggle still works for this page */
  }
  applyTheme(next);
  return next;
}

/** Follows the system's scheme while the user has not chosen one. */
export function followSystemTheme(onChange: () => void): void {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (stored() === null) {
      applyTheme();
      onChange();
    }
  });
}
