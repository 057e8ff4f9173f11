/**
 * IRC messages (modern.ircdocs.horse "Messages", ircv3.net/specs/extensions/message-tags):
 * `[@tags] [:prefix] COMMAND params... [:trailing]`, without CR LF (one per WebSocket message,
 * ircv3.net/specs/extensions/websocket).
 */
export interface IrcMessage {
  tags: Map<string, string>;
  /** The source (`nick!user@host` or a server name), '' when absent. */
  prefix: string;
  /** Upper-cased command or three-digit numeric. */
  command: string;
  params: string[];
}

/** Longest line accepted from the network (4,096 B of tags + 512 B, IRCv3 message-tags). */
export const MaxLineLength = 8191;

/** Unescapes a tag value (message-tags, "Escaping values"). */
export function unescapeTagValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = value[++i];
    switch (n) {
      case ':': out += ';'; break;
      case 's': out += ' '; break;
      case '\\': out += '\\'; break;
      case 'r': out += '\r'; break;
      case 'n': out += '\n'; break;
      case undefined: break;
      default: out += n;
    }
  }
  return out;
}

/** Escapes a tag value (message-tags, "Escaping values"). */
export function escapeTagValue(value: string): string {
  return value.replace(/[\\; \r\n]/g, (c) =>
    c === '\\' ? '\\\\' : c === ';' ? '\\:' : c === ' ' ? '\\s' : c === '\r' ? '\\r' : '\\n');
}

/** Parses one line; null when it is empty, over-long or has no command. */
export function parseLine(raw: string): IrcMessage | null {
  let line = raw.replace(/[\r\n]+$/, '');
  if (line.length === 0 || line.length > MaxLineLength) return null;
  const tags = new Map<string, string>();
  let pos = 0;
  if (line[0] === '@') {
    const end = line.indexOf(' ');
    if (end < 0) return null;
    for (const part of line.slice(1, end).split(';')) {
      if (part.length === 0) continue;
      const eq = part.indexOf('=');
      if (eq < 0) tags.set(part, '');
      else tags.set(part.slice(0, eq), unescapeTagValue(part.slice(eq + 1)));
    }
    pos = end + 1;
  }
  while (line[pos] === ' ') pos++;
  let prefix = '';
  if (line[pos] === ':') {
    const end = line.indexOf(' ', pos);
    if (end < 0) return null;
    prefix = line.slice(pos + 1, end);
    pos = end + 1;
  }
  line = line.slice(pos);
  const params: string[] = [];
  let command = '';
  let rest = line;
  while (rest.length > 0) {
    rest = rest.replace(/^ +/, '');
    if (rest.length === 0) break;
    if (command !== '' && rest[0] === ':') {
      params.push(rest.slice(1));
      break;
    }
    const sp = rest.indexOf(' ');
    const word = sp < 0 ? rest : rest.slice(0, sp);
    rest = sp < 0 ? '' : rest.slice(sp + 1);
    if (command === '') command = word.toUpperCase();
    else params.push(word);
  }
  if (command === '') return null;
  return { tags, prefix, command, params };
}

/** The nick of a `nick!user@host` source (the whole source when it has no `!`). */
export function nickOf(prefix: string): string {
  const bang = prefix.indexOf('!');
  return bang < 0 ? prefix : prefix.slice(0, bang);
}

/**
 * Builds a line from a command and params; the last param is sent as trailing when it needs to
 * be (empty, has a space, starts with ':'). CR, LF and NUL are removed: one call is one line.
 */
export function formatLine(command: string, params: readonly string[] = [], tags?: ReadonlyMap<string, string>): string {
  const clean = (s: string) => s.replace(/[\r\n\0]/g, '');
  let line = '';
  if (tags && tags.size > 0) {
    const parts: string[] = [];
    for (const [k, v] of tags) parts.push(v === '' ? clean(k) : `${clean(k)}=${escapeTagValue(v)}`);
    line = '@' + parts.join(';') + ' ';
  }
  line += clean(command);
  params.forEach((p, i) => {
    const v = clean(p);
    const last = i === params.length - 1;
    if (last && (v === '' || v.includes(' ') || v.startsWith(':'))) line += ' :' + v;
    else line += ' ' + v.replace(/ /g, '');
  });
  return line;
}
