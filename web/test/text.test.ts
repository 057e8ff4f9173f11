import { describe, expect, it } from 'vitest';
import { byteLength, linkify, mentions, splitForIrc, stripFormatting } from '../src/irc/text';
import { backoffDelayMs } from '../src/state/backoff';
import { complete } from '../src/state/completion';

describe('linkify', () => {
  it('makes http(s) URLs links and leaves punctuation and other schemes as text', () => {
    expect(linkify('see https://example.org/a?b=1. and javascript:alert(1) ftp://x')).toEqual([
      { text: 'see ' }, { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: '. and javascript:alert(1) ftp://x' },
    ]);
  });
  it('keeps balanced parentheses in the URL', () => {
    expect(linkify('(http://w.org/A_(b))')[1]).toEqual({ text: 'http://w.org/A_(b)', href: 'http://w.org/A_(b)' });
  });
  it('returns one text segment without URLs', () => {
    expect(linkify('<b>hi</b>')).toEqual([{ text: '<b>hi</b>' }]);
  });
});

describe('text helpers', () => {
  it('finds mentions as whole words, case-insensitively', () => {
    expect(mentions('hey Alice, look', 'alice')).toBe(true);
    expect(mentions('alice: hi', 'alice')).toBe(true);
    expect(mentions('malice aforethought', 'alice')).toBe(false);
    expect(mentions('alice_ is not me', 'alice')).toBe(false);
  });
  it('strips formatting codes', () => {
    expect(stripFormatting('\x02bold\x02 \x0304,01red\x03 \x1ditalic\x0f')).toBe('bold red italic');
  });
  it('splits long text on spaces within the byte limit, per line', () => {
    const parts = splitForIrc('a '.repeat(300) + '\nsecond line\n\n', 100);
    expect(parts.every((p) => byteLength(p) <= 100)).toBe(true);
    expect(parts[parts.length - 1]).toBe('second line');
    expect(parts.join(' ').replace(/ +/g, ' ')).toContain('a a a');
    expect(splitForIrc('é'.repeat(100), 51).every((p) => byteLength(p) <= 51)).toBe(true);
  });
});

describe('backoff', () => {
  it('grows exponentially, is capped and jittered', () => {
    expect(backoffDelayMs(0, () => 0)).toBe(500);
    expect(backoffDelayMs(0, () => 1)).toBe(1000);
    expect(backoffDelayMs(3, () => 0.5)).toBe(6000);
    expect(backoffDelayMs(20, () => 1)).toBe(15000);
  });
});

describe('complete', () => {
  it('completes nicks with ": " at the start and cycles', () => {
    const first = complete('bo', 2, ['bob', 'Bonnie', 'carol'], [], null)!;
    expect(first.text).toBe('bob: ');
    const second = complete(first.text, first.cursor, [], [], first.state)!;
    expect(second.text).toBe('Bonnie: ');
  });
  it('completes rooms mid-line and keeps the rest', () => {
    const r = complete('join #de now', 8, ['dave'], ['#dev', '#ops'], null)!;
    expect(r.text).toBe('join #dev now');
    expect(r.cursor).toBe(10);
  });
  it('returns null when nothing matches', () => {
    expect(complete('zz', 2, ['bob'], [], null)).toBeNull();
    expect(complete('', 0, ['bob'], [], null)).toBeNull();
  });
});
