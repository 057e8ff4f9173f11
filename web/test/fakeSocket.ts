import { ParleyClient, type SocketLike } from '../src/state/client';

/** A socket that records what the client sends and lets a test play the server. */
export class FakeSocket implements SocketLike {
  sent: string[] = [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {}
  send(data: string): void { this.sent.push(data); }
  close(): void { this.closed = true; }
  /** The server sends lines. */
  server(...lines: string[]): void { for (const l of lines) this.onmessage?.({ data: l }); }
  /** Takes what was sent so far. */
  take(): string[] { const s = this.sent; this.sent = []; return s; }
}

export interface Harness {
  client: ParleyClient;
  sockets: FakeSocket[];
  timers: { fn: () => void; ms: number }[];
  now: { value: number };
  socket(): FakeSocket;
}

export function harness(): Harness {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const now = { value: Date.parse('2026-12-02T12:00:00Z') };
  const client = new ParleyClient({
    url: 'ws://127.0.0.1/ws',
    createSocket: (url, protocols) => { const s = new FakeSocket(url, protocols); sockets.push(s); return s; },
    now: () => now.value,
    random: () => 0.5,
    setTimer: (fn, ms) => { const t = { fn, ms }; timers.push(t); return t; },
    clearTimer: (h) => { const i = timers.indexOf(h as { fn: () => void; ms: number }); if (i >= 0) timers.splice(i, 1); },
  });
  return { client, sockets, timers, now, socket: () => sockets[sockets.length - 1]! };
}

export const AllCaps = 'account-notify account-tag away-notify batch cap-notify chghost draft/account-registration draft/chathistory draft/event-playback draft/message-redaction draft/multiline=max-bytes=4096,max-lines=24 draft/read-marker echo-message extended-join extended-monitor invite-notify labeled-response message-tags multi-prefix sasl=PLAIN,EXTERNAL server-time setname userhost-in-names';

/** Connects and registers as `nick` with every cap (as a guest unless external). */
export function registered(nick = 'alice', external = false): Harness {
  const h = harness();
  h.client.connect({ nick, external, account: external ? nick : undefined });
  const s = h.socket();
  s.onopen?.({});
  s.server(`:parley CAP * LS :${AllCaps}`);
  const req = s.sent.find((l) => l.startsWith('CAP REQ'))!;
  s.server(`:parley CAP * ACK :${req.slice('CAP REQ :'.length)}`);
  if (external) s.server('AUTHENTICATE +', `:parley 900 ${nick} ${nick}!${nick}@h ${nick} :You are now logged in`, `:parley 903 ${nick} :SASL authentication successful`);
  s.server(`:parley 001 ${nick} :Welcome`, `:parley 005 ${nick} CHATHISTORY=100 PREFIX=(qov)~@+ CHANTYPES=# CHANMODES=beI,k,l,Cimnst :are supported`);
  s.take();
  return h;
}
