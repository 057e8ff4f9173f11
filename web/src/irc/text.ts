/** Text helpers: formatting codes, links, mentions, splitting (modern.ircdocs.horse "Formatting"). */

/** Removes mIRC formatting: bold, colour (with its digits), hex colour, italics, etc. */
export function stripFormatting(text: string): string {
  return text
    .replace(/\x03(\d{1,2}(,\d{1,2})?)?/g, '')
    .replace(/\x04([0-9a-fA-F]{6}(,[0-9a-fA-F]{6})?)?/g, '')
    .replace(/[\x02\x0f\x11\x16\x1d\x1e\x1f]/g, '');
}

export interface TextSegment {
  text: string;
  /** An http(s) URL when this segment is a link. */
  href?: string;
}

const UrlPattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Splits text into plain and http(s) link segments; trailing punctuation stays text. */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of text.matchAll(UrlPattern)) {
    let url = m[0];
    const start = m.index ?? 0;
    // A closing bracket or sentence punctuation at the end belongs to the text, not the URL.
    while (url.length > 0 && /[.,;:!?)\]}]$/.test(url)) {
      const c = url[url.length - 1];
      if (c === ')' && count(url, '(') >= count(url, ')')) break;
      url = url.slice(0, -1);
    }
    const href = safeHref(url);
    if (href === null) continue;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: url, href });
    last = start + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

/** The URL when it parses and is http or https, else null. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when text names the nick as a word (case-insensitive, IRC nick characters as word edges). */
export function mentions(text: string, nick: string): boolean {
  if (nick === '') return false;
  const re = new RegExp(`(^|[^A-Za-z0-9_\\-\\[\\]\\\\^{}|\`])${escapeRegExp(nick)}($|[^A-Za-z0-9_\\-\\[\\]\\\\^{}|\`])`, 'i');
  return re.test(text);
}

/** CTCP ACTION (`/me`): the action's text, or null for any other message. */
export function actionText(text: string): string | null {
  if (text.startsWith('\x01ACTION ') ) return text.slice(8).replace(/\x01$/, '');
  if (text === '\x01ACTION\x01') return '';
  return null;
}

const encoder = new TextEncoder();

/** UTF-8 length in bytes. */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

/**
 * Splits text into IRC-sized pieces: one per line, each at most maxBytes of UTF-8, cut at a
 * space when there is one near the end, never inside a code point. Empty lines are dropped.
 */
export function splitForIrc(text: string, maxBytes = 400): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    let rest = line;
    while (rest.length > 0) {
      if (byteLength(rest) <= maxBytes) {
        out.push(rest);
        break;
      }
      let cut = 0;
      let bytes = 0;
      for (const ch of rest) {
        const b = byteLength(ch);
        if (bytes + b > maxBytes) break;
        bytes += b;
        cut += ch.length;
      }
      const space = rest.lastIndexOf(' ', cut);
      if (space > cut / 2) cut = space + 1;
      out.push(rest.slice(0, cut).replace(/ +$/, ''));
      rest = rest.slice(cut);
    }
  }
  return out.filter((s) => s.length > 0);
}
