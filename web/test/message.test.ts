import { describe, expect, it } from 'vitest';
import { formatLine, nickOf, parseLine, unescapeTagValue } from '../src/irc/message';

describe('parseLine', () => {
  it('parses tags, prefix, command and trailing', () => {
    const m = parseLine('@time=2026-12-02T12:00:00.000Z;msgid=42;+typing=active :bob!b@h PRIVMSG #dev :hello there')!;
    expect(m.tags.get('time')).toBe('2026-12-02T12:00:00.000Z');
    expect(m.tags.get('msgid')).toBe('42');
    expect(m.tags.get('+typing')).toBe('active');
    expect(m.prefix).toBe('bob!b@h');
    expect(m.command).toBe('PRIVMSG');
    expect(m.params).toEqual(['#dev', 'hello there']);
  });
  it('unescapes tag values (message-tags)', () => {
    expect(unescapeTagValue('a\\sb\\:c\\\\d\\ne\\')).toBe('a b;c\\d\ne');
    expect(parseLine('@k=x\\sy PING :z')!.tags.get('k')).toBe('x y');
  });
  it('keeps an empty trailing and numerics', () => {
    const m = parseLine(':parley 332 alice #dev :')!;
    expect(m.command).toBe('332');
    expect(m.params).toEqual(['alice', '#dev', '']);
  });
  it('rejects empty and over-long lines', () => {
    expect(parseLine('')).toBeNull();
    expect(parseLine('@a=b')).toBeNull();
    expect(parseLine('PRIVMSG #a :' + 'x'.repeat(9000))).toBeNull();
  });
  it('takes nicks from sources', () => {
    expect(nickOf('bob!b@h')).toBe('bob');
    expect(nickOf('parley')).toBe('parley');
  });
});

describe('formatLine', () => {
  it('puts the last param as trailing when needed and strips CR LF', () => {
    expect(formatLine('PRIVMSG', ['#dev', 'hi there'])).toBe('PRIVMSG #dev :hi there');
    expect(formatLine('PRIVMSG', ['#dev', 'hi'])).toBe('PRIVMSG #dev hi');
    expect(formatLine('PRIVMSG', ['#dev', ':)'])).toBe('PRIVMSG #dev ::)');
    expect(formatLine('PRIVMSG', ['#dev', 'a\r\nQUIT'])).toBe('PRIVMSG #dev aQUIT');
  });
  it('escapes tags', () => {
    expect(formatLine('TAGMSG', ['#dev'], new Map([['+typing', 'active'], ['+x', 'a b;c']]))).toBe('@+typing=active;+x=a\\sb\\:c TAGMSG #dev');
  });
});
