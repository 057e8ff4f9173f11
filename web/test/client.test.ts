import { describe, expect, it } from 'vitest';
import { runInput } from '../src/state/commands';
import { AllCaps, harness, registered } from './fakeSocket';

const T = (s: number) => new Date(Date.parse('2026-12-02T12:00:00Z') + s * 1000).toISOString();

describe('registration', () => {
  it('opens /ws with text.ircv3.net, asks only for offered wanted caps, SASL EXTERNAL, then CAP END', () => {
    const h = harness();
    h.client.connect({ nick: 'alice', external: true, account: 'alice' });
    const s = h.socket();
    expect(s.protocols).toEqual(['text.ircv3.net']);
    expect(h.client.state).toBe('connecting');
    s.onopen?.({});
    // Signed in: NICK and USER wait for SASL, so a second device of the account is not refused with 433.
    expect(s.take()).toEqual(['CAP LS 302']);
    s.server(':parley CAP * LS * :sasl=PLAIN,EXTERNAL message-tags chghost', ':parley CAP * LS :server-time echo-message');
    expect(s.take()).toEqual(['CAP REQ :sasl message-tags server-time echo-message']);
    s.server(':parley CAP alice ACK :sasl message-tags server-time echo-message');
    expect(s.take()).toEqual(['AUTHENTICATE EXTERNAL']);
    s.server('AUTHENTICATE +');
    expect(s.take()).toEqual(['AUTHENTICATE +']);
    s.server(':parley 900 alice alice!a@h alice :You are now logged in as alice', ':parley 903 alice :SASL authentication successful');
    expect(s.take()).toEqual(['NICK alice', 'USER alice 0 * :Parley web', 'CAP END']);
    s.server(':parley 001 alice :Welcome');
    expect(h.client.state).toBe('connected');
    expect(h.client.nick).toBe('alice');
    expect(h.client.account).toBe('alice');
  });

  it('a guest does not ask for sasl and ends CAP after the ACK', () => {
    const h = harness();
    h.client.connect({ nick: 'gus', external: false });
    const s = h.socket();
    s.onopen?.({});
    s.take();
    s.server(`:parley CAP * LS :${AllCaps}`);
    const req = s.take()[0]!;
    expect(req).not.toContain('sasl');
    expect(req).toContain('draft/chathistory');
    expect(req).not.toContain('chghost');
    s.server(`:parley CAP gus ACK :${req.slice(9)}`);
    expect(s.take()).toEqual(['CAP END']);
  });

  it('tries another nick when the nick is taken during registration', () => {
    const h = harness();
    h.client.connect({ nick: 'gus', external: false });
    const s = h.socket();
    s.onopen?.({});
    s.take();
    s.server(':parley 433 * gus :Nickname is already in use');
    expect(s.take()).toEqual(['NICK gus_']);
  });
});

describe('rooms', () => {
  it('joins, asks LATEST history, shows members with roles and the topic', () => {
    const h = registered();
    const s = h.socket();
    runInput(h.client, '/join #dev');
    expect(s.take()).toEqual(['JOIN #dev']);
    s.server(':alice!a@h JOIN #dev * :alice', ':parley 332 alice #dev :Welcome to dev',
      ':parley 353 alice = #dev :~@alice!a@h +bob!b@h carol!c@h', ':parley 366 alice #dev :End of /NAMES list.');
    expect(s.take()).toEqual(['CHATHISTORY LATEST #dev * 50']);
    const b = h.client.buffer('#dev')!;
    expect(h.client.active).toBe('#dev');
    expect(b.topic).toBe('Welcome to dev');
    expect(b.members.get('alice')).toBe('~@');
    expect(h.client.support.roleFor(b.members.get('alice')!)).toBe('owner');
    expect(h.client.support.roleFor(b.members.get('bob')!)).toBe('voice');
    s.server(':alice!a@h MODE #dev +o-v carol bob');
    expect(h.client.support.roleFor(b.members.get('carol')!)).toBe('op');
    expect(b.members.get('bob')).toBe('');
  });

  it('merges history in time order, dedupes by msgid and marks older history exhausted', () => {
    const h = registered();
    const s = h.socket();
    h.client.join('#dev');
    s.server(':alice!a@h JOIN #dev', ':parley 366 alice #dev :End');
    s.take();
    s.server(`@time=${T(10)};msgid=7 :bob!b@h PRIVMSG #dev :live`);
    s.server(':parley BATCH +h1 chathistory #dev',
      `@batch=h1;time=${T(1)};msgid=5 :bob!bob@parley PRIVMSG #dev :one`,
      `@batch=h1;time=${T(2)};msgid=6 :carol!carol@parley PRIVMSG #dev :two`,
      `@batch=h1;time=${T(10)};msgid=7 :bob!bob@parley PRIVMSG #dev :live`,
      ':parley BATCH -h1');
    const b = h.client.buffer('#dev')!;
    expect(b.messages.map((m) => m.text)).toEqual(['one', 'two', 'live']);
    expect(b.historyExhausted).toBe(true);
  });

  it('loads older history BEFORE the oldest msgid', () => {
    const h = registered();
    const s = h.socket();
    h.client.join('#dev');
    s.server(':alice!a@h JOIN #dev');
    s.server(':parley BATCH +h1 chathistory #dev',
      ...Array.from({ length: 50 }, (_, i) => `@batch=h1;time=${T(i + 100)};msgid=${i + 100} :bob!b@h PRIVMSG #dev :m${i}`),
      ':parley BATCH -h1');
    s.take();
    h.client.loadOlder('#dev');
    expect(s.take()).toEqual(['CHATHISTORY BEFORE #dev msgid=100 50']);
  });

  it('counts unread and mentions in other buffers, clears them when opened and sends MARKREAD', () => {
    const h = registered('alice', true);
    const s = h.socket();
    s.server(':alice!a@h JOIN #dev', ':alice!a@h JOIN #ops');
    h.client.setActive('#ops');
    s.take();
    s.server(`@time=${T(5)};msgid=9 :bob!b@h PRIVMSG #dev :hello`, `@time=${T(6)};msgid=10 :bob!b@h PRIVMSG #dev :alice: ping`);
    const dev = h.client.buffer('#dev')!;
    expect(dev.unread).toBe(2);
    expect(dev.mention).toBe(true);
    h.client.setActive('#dev');
    expect(dev.unread).toBe(0);
    expect(dev.mention).toBe(false);
    expect(s.take()).toEqual([`MARKREAD #dev timestamp=${T(6)}`]);
  });

  it('a server read marker recounts unread history', () => {
    const h = registered('alice', true);
    const s = h.socket();
    s.server(':alice!a@h JOIN #dev', `:parley MARKREAD #dev timestamp=${T(1)}`, ':alice!a@h JOIN #ops');
    h.client.setActive('#ops');
    s.server(':parley BATCH +h1 chathistory #dev',
      `@batch=h1;time=${T(0)};msgid=1 :bob!b@h PRIVMSG #dev :read`,
      `@batch=h1;time=${T(2)};msgid=2 :bob!b@h PRIVMSG #dev :unread`,
      ':parley BATCH -h1');
    expect(h.client.buffer('#dev')!.unread).toBe(1);
  });
});

describe('direct messages', () => {
  it('puts a DM in the sender buffer and an echo in the target buffer, and notifies', () => {
    const h = registered();
    const s = h.socket();
    const notices: string[] = [];
    h.client.onNotice((n) => notices.push(n.title));
    s.server(`@msgid=20;time=${T(3)} :bob!b@h PRIVMSG alice :hi alice`);
    runInput(h.client, '/msg bob hello back');
    expect(s.take()).toContain('PRIVMSG bob :hello back');
    s.server(`@msgid=21;time=${T(4)} :alice!a@h PRIVMSG bob :hello back`);
    const b = h.client.buffer('bob')!;
    expect(b.kind).toBe('query');
    expect(b.messages.map((m) => [m.nick, m.text])).toEqual([['bob', 'hi alice'], ['alice', 'hello back']]);
    expect(notices).toEqual(['bob (direct message)']);
  });

  it('discovers DM buffers with CHATHISTORY TARGETS and loads their history (accounts only)', () => {
    const h = harness();
    h.client.connect({ nick: 'alice', external: true, account: 'alice' });
    const s = h.socket();
    s.onopen?.({});
    s.server(':parley CAP * LS :sasl draft/chathistory batch server-time message-tags');
    s.server(':parley CAP alice ACK :sasl draft/chathistory batch server-time message-tags');
    s.server('AUTHENTICATE +', ':parley 900 alice a!a@h alice :ok', ':parley 903 alice :ok');
    s.take();
    s.server(':parley 001 alice :Welcome');
    expect(s.take()[0]).toMatch(/^CHATHISTORY TARGETS timestamp=\S+ timestamp=\S+ 50$/);
    s.server(':parley BATCH +t draft/chathistory-targets', `@batch=t :parley CHATHISTORY TARGETS bob ${T(1)}`,
      `@batch=t :parley CHATHISTORY TARGETS #dev ${T(2)}`, ':parley BATCH -t');
    expect(s.take()).toEqual(['CHATHISTORY LATEST bob * 50']);
  });

  it('asks a discovered DM its read marker and counts its history unread from there', () => {
    const h = registered('alice', true);
    const s = h.socket();
    s.server(':parley BATCH +t draft/chathistory-targets', `@batch=t :parley CHATHISTORY TARGETS bob ${T(2)}`, ':parley BATCH -t');
    expect(s.take()).toEqual(['MARKREAD bob', 'CHATHISTORY LATEST bob * 50']);
    s.server(`:parley MARKREAD bob timestamp=${T(1)}`, ':parley BATCH +h chathistory bob',
      `@batch=h;time=${T(0)};msgid=1 :bob!b@h PRIVMSG alice :seen`,
      `@batch=h;time=${T(2)};msgid=2 :bob!b@h PRIVMSG alice :new`, ':parley BATCH -h');
    expect(h.client.buffer('bob')!.unread).toBe(1);
  });

  it('rejoins remembered rooms after the first 001', () => {
    const h = harness();
    h.client.connect({ nick: 'alice', external: false, rooms: ['#a', '#b', 'notaroom'] });
    const s = h.socket();
    s.onopen?.({});
    s.server(':parley CAP * LS :batch', ':parley CAP alice ACK :batch', ':parley 001 alice :Welcome');
    expect(s.sent).toContain('JOIN #a,#b');
    s.server(':alice!a@h JOIN #a', ':alice!a@h JOIN #b');
    expect(h.client.joinedRooms()).toEqual(['#a', '#b']);
  });

  it('a guest asks no DM history (the server has none for guests)', () => {
    const h = registered('gus');
    const s = h.socket();
    h.client.openQuery('bob');
    h.client.loadOlder('bob');
    expect(s.take()).toEqual([]);
    expect(h.client.canLoadHistory(h.client.buffer('bob')!)).toBe(false);
  });

  it('a FAIL CHATHISTORY ends the loading state of its buffer', () => {
    const h = registered();
    const s = h.socket();
    s.server(':alice!a@h JOIN #dev');
    expect(h.client.buffer('#dev')!.historyLoading).toBe(true);
    s.server(':parley FAIL CHATHISTORY MESSAGE_ERROR LATEST #dev :Messages could not be retrieved');
    expect(h.client.buffer('#dev')!.historyLoading).toBe(false);
  });
});

describe('away-notify', () => {
  it('follows AWAY lines, across nick changes', () => {
    const h = registered();
    const s = h.socket();
    s.server(':bob!b@h AWAY :lunch');
    expect(h.client.away.has('bob')).toBe(true);
    s.server(':bob!b@h NICK bobby');
    expect(h.client.away.has('bobby')).toBe(true);
    s.server(':bobby!b@h AWAY');
    expect(h.client.away.size).toBe(0);
  });
});

describe('read markers', () => {
  it('sends MARKREAD at once, then at most one per 2 s while lines arrive in the open buffer', () => {
    const h = registered('alice', true);
    const s = h.socket();
    s.server(':alice!a@h JOIN #dev');
    s.server(':parley BATCH +h chathistory #dev', ':parley BATCH -h');
    s.take();
    s.server(`@time=${T(1)};msgid=1 :bob!b@h PRIVMSG #dev :one`);
    s.server(`@time=${T(2)};msgid=2 :bob!b@h PRIVMSG #dev :two`);
    s.server(`@time=${T(3)};msgid=3 :bob!b@h PRIVMSG #dev :three`);
    expect(s.take()).toEqual([`MARKREAD #dev timestamp=${T(1)}`]);
    const timer = h.timers.find((t) => t.ms === 2000)!;
    h.timers.splice(h.timers.indexOf(timer), 1);
    timer.fn();
    expect(s.take()).toEqual([`MARKREAD #dev timestamp=${T(3)}`]);
  });
});

describe('reconnect', () => {
  it('retries with backoff, rejoins rooms and fills the gap AFTER the last msgid', () => {
    const h = registered();
    let s = h.socket();
    s.server(':alice!a@h JOIN #dev', `@msgid=30;time=${T(1)} :bob!b@h PRIVMSG #dev :before`);
    s.onclose?.({});
    expect(h.client.state).toBe('connecting');
    expect(h.timers.length).toBe(1);
    expect(h.timers[0]!.ms).toBe(750);
    h.timers.shift()!.fn();
    s = h.socket();
    expect(h.sockets.length).toBe(2);
    s.onopen?.({});
    s.server(':parley CAP * LS :draft/chathistory batch server-time message-tags');
    s.server(':parley CAP alice ACK :draft/chathistory batch server-time message-tags');
    s.server(':parley 001 alice :Welcome');
    expect(s.sent).toContain('JOIN #dev');
    s.take();
    s.server(':alice!a@h JOIN #dev');
    expect(s.take()).toEqual(['CHATHISTORY AFTER #dev msgid=30 100']);
    expect(h.client.state).toBe('connected');
  });

  it('stops reconnecting after stop()', () => {
    const h = registered();
    h.client.stop();
    expect(h.client.state).toBe('offline');
    expect(h.timers.length).toBe(0);
    expect(h.socket().closed).toBe(true);
  });
});

describe('typing and commands', () => {
  it('sends +typing throttled, and shows others typing until done', () => {
    const h = registered();
    const s = h.socket();
    s.server(':alice!a@h JOIN #dev');
    s.take();
    h.client.sendTyping('#dev', 'active');
    h.client.sendTyping('#dev', 'active');
    expect(s.take()).toEqual(['@+typing=active TAGMSG #dev']);
    s.server('@+typing=active :bob!b@h TAGMSG #dev');
    const b = h.client.buffer('#dev')!;
    expect(h.client.typingIn(b)).toEqual(['bob']);
    h.now.value += 7000;
    expect(h.client.typingIn(b)).toEqual([]);
  });

  it('runs the slash commands of the contract', () => {
    const h = registered();
    const s = h.socket();
    s.server(':alice!a@h JOIN #dev');
    s.take();
    runInput(h.client, '/topic New topic');
    runInput(h.client, '/me waves');
    runInput(h.client, '/nick alice2');
    runInput(h.client, '/quote WHOIS bob');
    runInput(h.client, '/away gone');
    runInput(h.client, '/part');
    expect(s.take()).toEqual(['TOPIC #dev :New topic', 'PRIVMSG #dev :\x01ACTION waves\x01', 'NICK alice2', 'WHOIS bob', 'AWAY gone', 'PART #dev']);
    expect(runInput(h.client, '/logout')).toEqual({ kind: 'logout' });
  });
});
