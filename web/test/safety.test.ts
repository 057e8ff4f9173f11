import { describe, expect, it } from 'vitest';

// Every source file as text (Vite's raw import), to check rules that the types cannot.
const sources = import.meta.glob('../src/**/*.{ts,css}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('sources', () => {
  it('are found', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(5);
  });

  it('never render HTML from strings (no innerHTML, outerHTML, insertAdjacentHTML, unsafeHTML, document.write)', () => {
    for (const [path, text] of Object.entries(sources)) {
      expect(text, path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|unsafeHTML|unsafeSVG|document\.write/);
    }
  });

  it('set no inline styles (the CSP is style-src self): no style= in templates, no <style>', () => {
    for (const [path, text] of Object.entries(sources)) {
      if (!path.endsWith('.ts')) continue;
      expect(text, path).not.toMatch(/\sstyle=|<style|styleMap/);
    }
  });

  it('keep no password: nothing stores a value named password', () => {
    for (const [path, text] of Object.entries(sources)) {
      expect(text, path).not.toMatch(/(localStorage|sessionStorage)\.setItem\([^)]*password/i);
      expect(text, path).not.toMatch(/this\.password\s*=/);
    }
  });
});
