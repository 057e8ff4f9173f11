import { formatLine, nickOf, parseLine, type IrcMessage } from '../irc/message';
import { actionText, mentions, splitForIrc, stripFormatting } from '../irc/text';
import { backoffDelayMs } from './backoff';
import { Buffer, isChat, type ChatMessage, type MessageKind } from './buffer';
import { fold, ServerSupport } from './modes';

/** The capabilities the client asks for, when offered (contract.md; ircv3.net specs). */
export const WantedCaps = [
  'sasl', 'message-tags', 'server-time', 'echo-message', 'batch', 'labeled-response',
  'draft/chathistory', 'draft/event-playback', 'account-tag', 'account-notify', 'away-notify',
  'multi-prefix', 'draft/read-marker', 'cap-notify', 'userhost-in-names', 'extended-join',
] as const;

export type ConnectionState = 'connected' | 'connecting' | 'offline';

/** What the client needs of a WebSocket (the browser's, or a test's). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface ClientOptions {
  url: string;
  createSocket?: (url: string, protocols: string[]) => SocketLike;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface StartOptions {
  nick: string;
  /** Sign in with SASL EXTERNAL (the web session cookie names the account). */
  external: boolean;
  account?: string;
  /** Rooms to join after the first 001 (remembered from an earlier page load). */
  rooms?: string[];
}

export interface Notice {
  buffer: string;
  title: string;
  body: string;
}

/** Messages asked of CHATHISTORY LATEST on a join or when a DM opens. */
export const HistoryPageSize = 50;
/** Most AFTER pages fetched to fill one gap after a reconnect. */
const MaxGapPages = 10;
/** A typing indicator's life without a refresh (ircv3.net client-tags typing: 6 s active, 30 s paused). */
const TypingActiveMs = 6000;
const TypingPausedMs = 30000;
/** Least time between two MARKREAD lines for one target. */
const MarkReadDelayMs = 2000;
/** Least time between two `+typing=active` sends for one target (the spec's 3 s). */
const TypingThrottleMs = 3000;

interface PendingHistory {
  kind: 'latest' | 'before' | 'after';
  limit: number;
  page: number;
}

interface OpenBatch {
  type: string;
  params: string[];
  lines: IrcMessage[];
}

/**
 * The IRC session over `/ws` (text.ircv3.net): capability negotiation, SASL EXTERNAL,
 * registration, buffers (rooms, DMs, the server's "*"), history, typing, read markers and
 * reconnecting with backoff. Not thread-safe (the browser's one thread).
 */
export class ParleyClient {
  state: ConnectionState = 'offline';
  nick = '';
  account: string | null = null;
  readonly support = new ServerSupport();
  readonly offered = new Map<string, string>();
  readonly enabled = new Set<string>();
  readonly buffers = new Map<string, Buffer>();
  /** Nicks (folded) known to be away (away-notify's AWAY lines). */
  readonly away = new Set<string>();
  active = '*';
  /** The page is visible and focused (set by the UI): lines in the active buffer count as read. */
  visible = true;
  lastError = '';
  /** When the next reconnect attempt starts (ms), 0 when none is scheduled. */
  retryAt = 0;

  private readonly opts: Required<ClientOptions>;
  private socket: SocketLike | null = null;
  private start: StartOptions | null = null;
  private initialRooms: string[] = [];
  private attempt = 0;
  private retryTimer: unknown = null;
  private registered = false;
  private capsDone = false;
  private lsDone = false;
  private nickTries = 0;
  private localId = 0;
  private readonly batches = new Map<string, OpenBatch>();
  private readonly pendingHistory = new Map<string, PendingHistory[]>();
  private readonly switchOnJoin = new Set<string>();
  private readonly typingSent = new Map<string, number>();
  private readonly markSent = new Map<string, number>();
  private readonly markTimers = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(n: Notice) => void>();
  private changeQueued = false;

  constructor(options: ClientOptions) {
    this.opts = {
      url: options.url,
      createSocket: options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike),
      now: options.now ?? (() => Date.now()),
      random: options.random ?? Math.random,
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    };
    this.buffers.set('*', new Buffer('server', '*'));
  }

  /** Calls fn after every change of state (coalesced to one call per burst of lines). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Calls fn for a live DM or mention (the UI shows a desktop notification when hidden). */
  onNotice(fn: (n: Notice) => void): () => void {
    this.noticeListeners.add(fn);
    return () => this.noticeListeners.delete(fn);
  }

  /** Connects and keeps reconnecting until stop(). */
  connect(start: StartOptions): void {
    this.stop();
    this.start = start;
    this.initialRooms = (start.rooms ?? []).filter((r) => this.support.isChannel(r));
    this.account = start.external ? (start.account ?? null) : null;
    this.attempt = 0;
    this.open();
  }

  /** Closes the session and stops reconnecting; buffers are cleared. */
  stop(): void {
    this.start = null;
    if (this.retryTimer !== null) this.opts.clearTimer(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = 0;
    for (const t of this.markTimers.values()) this.opts.clearTimer(t);
    this.markTimers.clear();
    const s = this.socket;
    this.socket = null;
    if (s) {
      s.onclose = s.onmessage = s.onerror = s.onopen = null;
      try { s.send('QUIT :Signed out'); } catch { /* already closed */ }
      s.close(1000, 'bye');
    }
    this.state = 'offline';
    this.nick = '';
    this.account = null;
    this.buffers.clear();
    this.buffers.set('*', new Buffer('server', '*'));
    this.active = '*';
    this.changed();
  }

  // ---- connection -------------------------------------------------------------------------

  private open(): void {
    const start = this.start;
    if (start === null) return;
    this.retryTimer = null;
    this.retryAt = 0;
    this.state = 'connecting';
    this.registered = false;
    this.capsDone = false;
    this.lsDone = false;
    this.nickTries = 0;
    this.offered.clear();
    this.enabled.clear();
    this.batches.clear();
    this.pendingHistory.clear();
    this.changed();
    let socket: SocketLike;
    try {
      socket = this.opts.createSocket(this.opts.url, ['text.ircv3.net']);
    } catch (e) {
      this.lastError = `WebSocket: ${String(e)}`;
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.send('CAP LS 302');
      // Signed in: the nick goes after SASL, so the server knows the account before the nick is
      // checked, and a second device of the account shares its nick instead of getting 433.
      if (!start.external) this.sendRegistration();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      if (typeof ev.data !== 'string') return;
      for (const line of ev.data.split(/\r?\n/)) if (line.length > 0) this.handleLine(line);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
    socket.onerror = () => { /* onclose follows */ };
  }

  private scheduleReconnect(): void {
    for (const b of this.buffers.values()) {
      b.joined = b.kind === 'channel' ? b.joined : false;
      b.typing.clear();
      b.historyLoading = false;
    }
    if (this.start === null) {
      this.state = 'offline';
      this.changed();
      return;
    }
    const delay = backoffDelayMs(this.attempt++, this.opts.random);
    this.state = 'connecting';
    this.retryAt = this.opts.now() + delay;
    this.retryTimer = this.opts.setTimer(() => this.open(), delay);
    this.changed();
  }

  /** Retries at once when waiting for a reconnect (the browser came back online, the tab was shown). */
  retryNow(): void {
    if (this.retryTimer === null || this.start === null) return;
    this.opts.clearTimer(this.retryTimer);
    this.open();
  }

  /** Sends one raw line (dropped when not connected). */
  send(line: string): void {
    this.socket?.send(line);
  }

  private has(cap: string): boolean {
    return this.enabled.has(cap);
  }

  // ---- buffers ----------------------------------------------------------------------------

  buffer(name: string): Buffer | undefined {
    return this.buffers.get(fold(name));
  }

  /** The buffer for a room or nick, created when missing. */
  ensureBuffer(name: string): Buffer {
    const key = fold(name);
    let b = this.buffers.get(key);
    if (!b) {
      b = new Buffer(this.support.isChannel(name) ? 'channel' : 'query', name);
      this.buffers.set(key, b);
    }
    return b;
  }

  /** The rooms this session is in (or rejoins after a reconnect), for the UI to remember. */
  joinedRooms(): string[] {
    return [...this.buffers.values()].filter((b) => b.kind === 'channel' && b.joined).map((b) => b.name).sort();
  }

  /** Buffers in display order: the server's, then rooms, then DMs, each by name. */
  orderedBuffers(): Buffer[] {
    const rank = { server: 0, channel: 1, query: 2 } as const;
    return [...this.buffers.values()].sort((a, b) =>
      rank[a.kind] - rank[b.kind] || fold(a.name).localeCompare(fold(b.name)));
  }

  activeBuffer(): Buffer {
    return this.buffers.get(this.active) ?? this.buffers.get('*')!;
  }

  /** Opens a buffer: its unread count and mention clear, and its read marker moves. */
  setActive(name: string): void {
    const b = this.buffer(name);
    if (!b) return;
    this.active = fold(b.name);
    this.markRead(b);
    this.changed();
  }

  /** Moves the active buffer by delta in display order (Alt+Up/Down). */
  cycleActive(delta: number): void {
    const list = this.orderedBuffers();
    const i = list.findIndex((b) => fold(b.name) === this.active);
    const next = list[(i + delta + list.length) % list.length];
    if (next) this.setActive(next.name);
  }

  /** The page became visible or hidden. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.markRead(this.activeBuffer());
    this.changed();
  }

  /** Opens a DM buffer and loads its history. */
  openQuery(nick: string): void {
    const existed = this.buffer(nick) !== undefined;
    const b = this.ensureBuffer(nick);
    if (!existed && b.kind === 'query') this.requestLatest(b);
    this.setActive(b.name);
  }

  /** Closes a buffer (parts a room). */
  closeBuffer(name: string): void {
    const b = this.buffer(name);
    if (!b || b.kind === 'server') return;
    if (b.kind === 'channel' && b.joined) this.send(formatLine('PART', [b.name]));
    this.buffers.delete(fold(b.name));
    if (this.active === fold(b.name)) this.active = '*';
    this.changed();
  }

  markRead(b: Buffer): void {
    b.unread = 0;
    b.mention = false;
    if (!this.visible || b.kind === 'server') return;
    const newest = b.newest();
    if (!newest) return;
    if (newest.time > b.readMarker) b.readMarker = newest.time;
    if (this.has('draft/read-marker') && this.account !== null && this.registered) this.queueMarkRead(b);
  }

  /**
   * Sends MARKREAD for a buffer's marker: at once when none is pending, else once at the end of
   * MarkReadDelayMs, so a busy open room does not cost one line per message read.
   */
  private queueMarkRead(b: Buffer): void {
    const key = fold(b.name);
    if (this.markTimers.has(key)) return;
    this.flushMarkRead(b);
    this.markTimers.set(key, this.opts.setTimer(() => {
      this.markTimers.delete(key);
      this.flushMarkRead(b);
    }, MarkReadDelayMs));
  }

  private flushMarkRead(b: Buffer): void {
    const key = fold(b.name);
    const sent = this.markSent.get(key) ?? 0;
    if (b.readMarker <= sent || this.buffers.get(key) !== b || !this.registered) return;
    this.markSent.set(key, b.readMarker);
    this.send(formatLine('MARKREAD', [b.name, 'timestamp=' + new Date(b.readMarker).toISOString()]));
  }

  // ---- sending ----------------------------------------------------------------------------

  /** Sends text to a room or nick (PRIVMSG per line, split to fit), or as an ACTION. */
  say(target: string, text: string, action = false): void {
    if (target === '*' || target === '') {
      this.info('*', 'Type in a room or a DM, or use /join #room, /msg nick text.', 'error');
      return;
    }
    const b = this.ensureBuffer(target);
    this.sendTyping(target, 'done');
    for (const piece of splitForIrc(text, action ? 380 : 400)) {
      const body = action ? `\x01ACTION ${piece}\x01` : piece;
      this.send(formatLine('PRIVMSG', [b.name, body]));
      if (!this.has('echo-message')) {
        this.addMessage(b, {
          key: this.nextLocalKey(), time: this.opts.now(), nick: this.nick, text: action ? piece : piece,
          kind: action ? 'action' : 'privmsg', self: true, mention: false,
        }, false);
      }
    }
  }

  /** Joins a room and opens it when the server confirms. */
  join(room: string, key?: string): void {
    this.switchOnJoin.add(fold(room));
    this.send(formatLine('JOIN', key ? [room, key] : [room]));
    const b = this.buffer(room);
    if (b?.joined) this.setActive(b.name);
  }

  /** `+typing` (ircv3.net/specs/client-tags/typing) for a target, throttled; only with message-tags. */
  sendTyping(target: string, value: 'active' | 'paused' | 'done'): void {
    if (!this.has('message-tags') || target === '*' || !this.registered) return;
    const key = fold(target);
    const now = this.opts.now();
    const last = this.typingSent.get(key);
    if (value === 'active') {
      if (last !== undefined && now - last < TypingThrottleMs) return;
      this.typingSent.set(key, now);
    } else {
      if (last === undefined) return;
      this.typingSent.delete(key);
    }
    this.send(formatLine('TAGMSG', [target], new Map([['+typing', value]])));
  }

  /** Whether CHATHISTORY can serve a buffer: a room, or a DM for a logged-in account (guests have none). */
  canLoadHistory(b: Buffer): boolean {
    if (!this.has('draft/chathistory') || !this.registered || b.kind === 'server') return false;
    return b.kind === 'channel' || this.account !== null;
  }

  /** Asks for older history of a buffer (scrolling up): CHATHISTORY BEFORE the oldest line. */
  loadOlder(name: string): void {
    const b = this.buffer(name);
    if (!b || !this.canLoadHistory(b) || b.historyExhausted || b.historyLoading) return;
    const oldest = b.oldestWithId();
    const ref = oldest?.msgid ? `msgid=${oldest.msgid}` : b.messages[0] ? `timestamp=${new Date(b.messages[0].time).toISOString()}` : null;
    if (ref === null) {
      this.requestLatest(b);
      return;
    }
    this.requestHistory(b, 'before', ref, HistoryPageSize, 0);
  }

  private requestLatest(b: Buffer): void {
    if (!this.canLoadHistory(b)) return;
    this.requestHistory(b, 'latest', '*', HistoryPageSize, 0);
  }

  private requestHistory(b: Buffer, kind: PendingHistory['kind'], ref: string, limit: number, page: number): void {
    const n = Math.min(limit, this.support.chatHistoryLimit);
    const key = fold(b.name);
    const queue = this.pendingHistory.get(key) ?? [];
    queue.push({ kind, limit: n, page });
    this.pendingHistory.set(key, queue);
    b.historyLoading = true;
    this.send(formatLine('CHATHISTORY', [kind.toUpperCase(), b.name, ref, String(n)]));
    this.changed();
  }

  /** Fills what was missed while disconnected: AFTER the newest stored line, else LATEST. */
  private fillGap(b: Buffer): void {
    if (!this.canLoadHistory(b)) return;
    const newest = b.newestWithId();
    if (newest?.msgid) this.requestHistory(b, 'after', `msgid=${newest.msgid}`, 100, 0);
    else if (b.messages.length > 0) this.requestHistory(b, 'after', `timestamp=${new Date(b.newest()!.time).toISOString()}`, 100, 0);
    else this.requestLatest(b);
  }

  // ---- receiving --------------------------------------------------------------------------

  /** Handles one line from the server (public for tests). */
  handleLine(raw: string): void {
    const msg = parseLine(raw);
    if (!msg) return;
    if (msg.command === 'BATCH') {
      this.handleBatch(msg);
      return;
    }
    const batchRef = msg.tags.get('batch');
    if (batchRef !== undefined) {
      const batch = this.batches.get(batchRef);
      if (batch && (batch.type === 'chathistory' || batch.type === 'draft/chathistory-targets')) {
        batch.lines.push(msg);
        return;
      }
    }
    this.dispatch(msg, false);
    this.changed();
  }

  private handleBatch(msg: IrcMessage): void {
    const ref = msg.params[0] ?? '';
    if (ref.startsWith('+')) {
      this.batches.set(ref.slice(1), { type: msg.params[1] ?? '', params: msg.params.slice(2), lines: [] });
      return;
    }
    if (!ref.startsWith('-')) return;
    const batch = this.batches.get(ref.slice(1));
    this.batches.delete(ref.slice(1));
    if (!batch) return;
    if (batch.type === 'chathistory') this.finishHistory(batch);
    else if (batch.type === 'draft/chathistory-targets') this.finishTargets(batch);
    this.changed();
  }

  private finishHistory(batch: OpenBatch): void {
    const target = batch.params[0] ?? '';
    // A DM's history names the other party as target: open its buffer (a name, never a reference).
    if (!/^[^\s=,*?!@]+$/.test(target)) return;
    const b = this.ensureBuffer(target);
    const queue = this.pendingHistory.get(fold(b.name));
    const request = queue?.shift();
    b.historyLoading = (queue?.length ?? 0) > 0;
    let added = 0;
    for (const line of batch.lines) if (this.dispatch(line, true, b)) added++;
    if (request?.kind === 'before' && batch.lines.length < request.limit) b.historyExhausted = true;
    if (request?.kind === 'latest' && batch.lines.length < request.limit) b.historyExhausted = true;
    if (request?.kind === 'after' && batch.lines.length >= request.limit && request.page + 1 < MaxGapPages) {
      const newest = b.newestWithId();
      if (newest?.msgid) this.requestHistory(b, 'after', `msgid=${newest.msgid}`, request.limit, request.page + 1);
    }
    if (b.markerKnown && fold(b.name) !== this.active) b.recountFromMarker();
    if (fold(b.name) === this.active) this.markRead(b);
    void added;
  }

  private historyFailed(target: string): void {
    const b = this.buffer(target);
    if (!b) return;
    const queue = this.pendingHistory.get(fold(b.name));
    queue?.shift();
    b.historyLoading = (queue?.length ?? 0) > 0;
    b.historyExhausted = true;
  }

  private finishTargets(batch: OpenBatch): void {
    for (const line of batch.lines) {
      if (line.command !== 'CHATHISTORY' || line.params[0] !== 'TARGETS') continue;
      const target = line.params[1] ?? '';
      if (target === '' || this.support.isChannel(target) || this.buffer(target)) continue;
      const b = this.ensureBuffer(target);
      // Ask the DM's read marker first (the server sends channels' after JOIN only), so its
      // history counts as unread from there.
      if (this.has('draft/read-marker')) this.send(formatLine('MARKREAD', [b.name]));
      this.requestLatest(b);
    }
  }

  /** Handles a message; history lines go to `into`. Returns whether a line was added. */
  private dispatch(msg: IrcMessage, history: boolean, into?: Buffer): boolean {
    const p = msg.params;
    const from = nickOf(msg.prefix);
    const self = fold(from) === fold(this.nick) && this.nick !== '';
    switch (msg.command) {
      case 'PING':
        this.send(formatLine('PONG', p));
        return false;
      case 'CAP':
        this.handleCap(msg);
        return false;
      case 'AUTHENTICATE':
        if (p[0] === '+') this.send('AUTHENTICATE +');
        return false;
      case '900':
        this.account = p[2] ?? this.account;
        return false;
      case '903':
        this.endCaps();
        return false;
      case '902': case '904': case '905': case '906': case '907':
        this.lastError = `Sign-in over the WebSocket failed: ${p[p.length - 1] ?? msg.command}`;
        this.info('*', this.lastError, 'error');
        this.account = null;
        this.endCaps();
        return false;
      case '001':
        this.onWelcome(p[0] ?? this.nick);
        this.info('*', p[1] ?? 'Welcome', 'info');
        return false;
      case '005':
        for (const t of p.slice(1, -1)) this.support.apply(t);
        return false;
      case '432': case '433': case '436':
        if (!this.registered) {
          this.nickTries++;
          const base = this.start?.nick ?? 'guest';
          this.send(formatLine('NICK', [this.nickTries < 5 ? base + '_'.repeat(this.nickTries) : `${base}${Math.floor(this.opts.random() * 9999)}`]));
        }
        this.info(this.active, p.slice(1).join(' '), 'error');
        return false;
      case 'NICK':
        this.onNick(from, p[0] ?? '', msg, history);
        return false;
      case 'JOIN':
        return this.onJoin(msg, from, self, history, into);
      case 'PART':
        return this.onPart(msg, from, self, history, into);
      case 'KICK':
        return this.onKick(msg, from, history, into);
      case 'QUIT':
        return this.onQuit(msg, from, history, into);
      case 'TOPIC': {
        const b = into ?? this.ensureBuffer(p[0] ?? '*');
        if (!history) b.topic = stripFormatting(p[1] ?? '');
        return this.addEvent(b, msg, from, 'topic', `${from} set the topic: ${p[1] ?? ''}`, history);
      }
      case '331': {
        const b = this.buffer(p[1] ?? '');
        if (b) b.topic = '';
        return false;
      }
      case '332': {
        const b = this.ensureBuffer(p[1] ?? '');
        b.topic = stripFormatting(p[2] ?? '');
        return false;
      }
      case '333':
        return false;
      case '353': {
        const b = this.buffer(p[2] ?? '');
        if (!b) return false;
        b.pendingNames ??= new Map();
        for (const entry of (p[3] ?? '').split(' ')) {
          if (entry === '') continue;
          const { prefixes, nick } = this.support.splitNamesEntry(entry);
          b.pendingNames.set(nick, prefixes);
        }
        return false;
      }
      case '366': {
        const b = this.buffer(p[1] ?? '');
        if (b?.pendingNames) {
          b.members = b.pendingNames;
          b.pendingNames = null;
        }
        return false;
      }
      case 'MODE':
        return this.onMode(msg, from, history, into);
      case 'PRIVMSG':
      case 'NOTICE':
        return this.onPrivmsg(msg, from, self, history, into);
      case 'TAGMSG':
        this.onTagmsg(msg, from, self);
        return false;
      case 'MARKREAD': {
        const b = this.buffer(p[0] ?? '');
        const ts = p[1]?.startsWith('timestamp=') ? Date.parse(p[1].slice(10)) : NaN;
        if (b && (p[1] === '*' || !Number.isNaN(ts))) {
          if (!Number.isNaN(ts)) b.readMarker = Math.max(b.readMarker, ts);
          b.markerKnown = true;
          if (fold(b.name) !== this.active || !this.visible) b.recountFromMarker();
        }
        return false;
      }
      case 'ERROR':
        this.lastError = p[0] ?? 'closed';
        this.info('*', `Server closed the connection: ${this.lastError}`, 'error');
        return false;
      case 'FAIL':
        if (p[0] === 'CHATHISTORY') this.historyFailed(p[3] ?? '');
        this.info(this.active, `${msg.command} ${p.join(' ')}`, 'error');
        return false;
      case 'WARN': case 'NOTE':
        this.info(this.active, `${msg.command} ${p.join(' ')}`, msg.command === 'NOTE' ? 'info' : 'error');
        return false;
      case 'CHATHISTORY':
        return false;
      case 'AWAY':
        if (history) return false;
        if (p.length > 0 && p[0] !== '') this.away.add(fold(from));
        else this.away.delete(fold(from));
        return false;
      default:
        if (/^\d{3}$/.test(msg.command)) {
          const code = Number(msg.command);
          const text = p.slice(1).join(' ');
          if (code >= 400 && code < 600) {
            this.lastError = text;
            this.info(this.active, text, 'error');
          } else if (code !== 366 && code !== 900) {
            this.info('*', text, 'info');
          }
        }
        return false;
    }
  }

  private handleCap(msg: IrcMessage): void {
    const p = msg.params;
    const sub = (p[1] ?? '').toUpperCase();
    const more = p[2] === '*' && p.length > 3;
    const list = (more ? p[3] : p[2]) ?? '';
    const names = list.split(' ').filter((s) => s !== '');
    switch (sub) {
      case 'LS':
      case 'NEW': {
        for (const n of names) {
          const eq = n.indexOf('=');
          this.offered.set(eq < 0 ? n : n.slice(0, eq), eq < 0 ? '' : n.slice(eq + 1));
        }
        if (sub === 'LS' && more) return;
        if (sub === 'LS') this.lsDone = true;
        const want = WantedCaps.filter((c) => this.offered.has(c) && !this.enabled.has(c) &&
          (c !== 'sasl' || (this.start?.external === true && sub === 'LS')));
        if (want.length > 0) this.send(formatLine('CAP', ['REQ', want.join(' ')]));
        else if (sub === 'LS') this.endCaps();
        return;
      }
      case 'ACK': {
        for (const n of names) {
          if (n.startsWith('-')) this.enabled.delete(n.slice(1));
          else this.enabled.add(n);
        }
        if (this.capsDone) return;
        if (this.enabled.has('sasl') && this.start?.external) this.send('AUTHENTICATE EXTERNAL');
        else this.endCaps();
        return;
      }
      case 'NAK':
        if (!this.capsDone) this.endCaps();
        return;
      case 'DEL':
        for (const n of names) {
          this.offered.delete(n);
          this.enabled.delete(n);
        }
        return;
    }
  }

  private endCaps(): void {
    if (this.capsDone) return;
    this.capsDone = true;
    if (this.start?.external) this.sendRegistration();
    this.send('CAP END');
  }

  private sendRegistration(): void {
    const nick = this.start?.nick ?? 'guest';
    this.send(formatLine('NICK', [nick]));
    this.send(formatLine('USER', [nick, '0', '*', 'Parley web']));
  }

  private onWelcome(nick: string): void {
    this.nick = nick;
    this.registered = true;
    this.attempt = 0;
    this.state = 'connected';
    this.lastError = '';
    if (!this.lsDone) this.capsDone = true;
    this.markSent.clear();
    this.typingSent.clear();
    // Rejoin rooms and fill what was missed in DMs (rooms fill their gap on the JOIN).
    const rooms = [...this.buffers.values()].filter((b) => b.kind === 'channel' && b.joined);
    for (const r of rooms) r.joined = false;
    const names = rooms.map((r) => r.name);
    for (const r of this.initialRooms) if (!names.some((n) => fold(n) === fold(r))) names.push(r);
    this.initialRooms = [];
    if (names.length > 0) this.send(formatLine('JOIN', [names.join(',')]));
    for (const b of this.buffers.values()) if (b.kind === 'query' && this.has('draft/chathistory')) this.fillGap(b);
    if (this.has('draft/chathistory') && this.account !== null) {
      const now = this.opts.now();
      this.send(formatLine('CHATHISTORY', ['TARGETS', `timestamp=${new Date(now + 86400000).toISOString()}`,
        `timestamp=${new Date(now - 30 * 86400000).toISOString()}`, '50']));
    }
  }

  private onNick(from: string, to: string, msg: IrcMessage, history: boolean): void {
    if (to === '' || history) return;
    const wasSelf = fold(from) === fold(this.nick);
    if (this.away.delete(fold(from))) this.away.add(fold(to));
    if (wasSelf) this.nick = to;
    for (const b of this.buffers.values()) {
      if (b.kind === 'channel' && b.members.has(from)) {
        const prefixes = b.members.get(from) ?? '';
        b.members.delete(from);
        b.members.set(to, prefixes);
        this.addEvent(b, msg, from, 'nick', `${from} is now known as ${to}`, false);
      }
    }
    const q = this.buffer(from);
    if (q && q.kind === 'query' && !this.buffer(to)) {
      const activeWas = this.active === fold(q.name);
      this.buffers.delete(fold(q.name));
      q.name = to;
      this.buffers.set(fold(to), q);
      if (activeWas) this.active = fold(to);
    }
  }

  private onJoin(msg: IrcMessage, from: string, self: boolean, history: boolean, into?: Buffer): boolean {
    const room = msg.params[0] ?? '';
    if (room === '') return false;
    const b = into ?? this.ensureBuffer(room);
    if (history) return this.addEvent(b, msg, from, 'join', `${from} joined`, true);
    if (self) {
      const wasEmpty = b.messages.length === 0;
      b.joined = true;
      b.members = new Map([[from, '']]);
      if (this.switchOnJoin.delete(fold(room)) || this.active === '*') this.active = fold(b.name);
      if (this.has('draft/chathistory')) {
        if (wasEmpty) this.requestLatest(b);
        else this.fillGap(b);
      }
      return false;
    }
    if (!b.members.has(from)) b.members.set(from, '');
    return this.addEvent(b, msg, from, 'join', `${from} joined`, false);
  }

  private onPart(msg: IrcMessage, from: string, self: boolean, history: boolean, into?: Buffer): boolean {
    const room = msg.params[0] ?? '';
    const b = into ?? this.buffer(room);
    if (!b) return false;
    const reason = msg.params[1] ? ` (${msg.params[1]})` : '';
    if (!history) {
      b.members.delete(from);
      b.typing.delete(from);
      if (self) {
        b.joined = false;
        this.buffers.delete(fold(b.name));
        if (this.active === fold(b.name)) this.active = '*';
        return false;
      }
    }
    return this.addEvent(b, msg, from, 'part', `${from} left${reason}`, history);
  }

  private onKick(msg: IrcMessage, from: string, history: boolean, into?: Buffer): boolean {
    const b = into ?? this.buffer(msg.params[0] ?? '');
    const victim = msg.params[1] ?? '';
    if (!b) return false;
    if (!history) {
      b.members.delete(victim);
      if (fold(victim) === fold(this.nick)) b.joined = false;
    }
    return this.addEvent(b, msg, from, 'kick', `${from} kicked ${victim}${msg.params[2] ? ` (${msg.params[2]})` : ''}`, history);
  }

  private onQuit(msg: IrcMessage, from: string, history: boolean, into?: Buffer): boolean {
    const text = `${from} quit${msg.params[0] ? ` (${msg.params[0]})` : ''}`;
    if (history && into) return this.addEvent(into, msg, from, 'quit', text, true);
    for (const b of this.buffers.values()) {
      if (b.kind === 'channel' && b.members.delete(from)) {
        b.typing.delete(from);
        this.addEvent(b, msg, from, 'quit', text, false);
      }
    }
    return false;
  }

  private onMode(msg: IrcMessage, from: string, history: boolean, into?: Buffer): boolean {
    const target = msg.params[0] ?? '';
    if (!this.support.isChannel(target)) return false;
    const b = into ?? this.buffer(target);
    if (!b) return false;
    if (!history) {
      for (const change of this.support.prefixChanges(msg.params.slice(1))) {
        const current = b.members.get(change.nick);
        if (current === undefined) continue;
        const next = change.add ? current + change.prefix : current.replace(change.prefix, '');
        b.members.set(change.nick, this.support.sortPrefixes(next));
      }
    }
    return this.addEvent(b, msg, from, 'mode', `${from} set mode ${msg.params.slice(1).join(' ')}`, history);
  }

  private onPrivmsg(msg: IrcMessage, from: string, self: boolean, history: boolean, into?: Buffer): boolean {
    const target = msg.params[0] ?? '';
    const raw = msg.params[1] ?? '';
    if (target === '' || (raw.startsWith('\x01') && actionText(raw) === null)) return false; // other CTCP
    const isNotice = msg.command === 'NOTICE';
    // A notice from the server (or before registration) goes to the server buffer.
    if (!msg.prefix.includes('!') && !into) {
      this.info('*', stripFormatting(raw), 'info');
      return false;
    }
    const bare = target.replace(/^[~&@%+]+(?=[#&])/, '');
    let b: Buffer;
    if (into) b = into;
    else if (this.support.isChannel(bare)) b = this.ensureBuffer(bare);
    else if (self) b = this.ensureBuffer(target);
    else b = this.ensureBuffer(from);
    const action = actionText(raw);
    const text = stripFormatting(action ?? raw);
    const kind: MessageKind = action !== null ? 'action' : isNotice ? 'notice' : 'privmsg';
    const mention = !self && mentions(text, this.nick);
    const added = this.addMessage(b, {
      key: msg.tags.get('msgid') ?? this.nextLocalKey(),
      msgid: msg.tags.get('msgid'),
      time: this.timeOf(msg),
      nick: from,
      text,
      kind,
      self,
      mention,
    }, history);
    if (added && !history) {
      b.typing.delete(from);
      if (!self && (mention || b.kind === 'query')) {
        const title = b.kind === 'query' ? `${from} (direct message)` : `${from} in ${b.name}`;
        for (const fn of this.noticeListeners) fn({ buffer: b.name, title, body: text });
      }
    }
    return added;
  }

  private onTagmsg(msg: IrcMessage, from: string, self: boolean): void {
    const typing = msg.tags.get('+typing') ?? msg.tags.get('+draft/typing');
    if (typing === undefined || self) return;
    const target = msg.params[0] ?? '';
    const b = this.support.isChannel(target) ? this.buffer(target) : this.buffer(from) ?? this.ensureBuffer(from);
    if (!b) return;
    if (typing === 'done') b.typing.delete(from);
    else b.typing.set(from, this.opts.now() + (typing === 'paused' ? TypingPausedMs : TypingActiveMs));
  }

  /** Nicks typing in a buffer now (expired indicators dropped). */
  typingIn(b: Buffer): string[] {
    const now = this.opts.now();
    for (const [nick, until] of b.typing) if (until <= now) b.typing.delete(nick);
    return [...b.typing.keys()];
  }

  private addEvent(b: Buffer, msg: IrcMessage, from: string, kind: MessageKind, text: string, history: boolean): boolean {
    return this.addMessage(b, {
      key: msg.tags.get('msgid') ?? this.nextLocalKey(),
      msgid: msg.tags.get('msgid'),
      time: this.timeOf(msg),
      nick: from,
      text,
      kind,
      self: fold(from) === fold(this.nick),
      mention: false,
    }, history);
  }

  private addMessage(b: Buffer, m: ChatMessage, history: boolean): boolean {
    if (!b.add(m)) return false;
    if (history || m.self || !isChat(m.kind)) {
      if (fold(b.name) === this.active && m.self) this.markRead(b);
      return true;
    }
    if (fold(b.name) === this.active && this.visible) {
      this.markRead(b);
    } else if (b.kind !== 'server') {
      b.unread++;
      if (m.mention) b.mention = true;
    }
    return true;
  }

  /** Adds a client line (errors, server text) to a buffer. */
  info(buffer: string, text: string, kind: 'info' | 'error' = 'info'): void {
    const b = this.buffers.get(fold(buffer)) ?? this.buffers.get('*')!;
    b.add({ key: this.nextLocalKey(), time: this.opts.now(), nick: '', text, kind, self: false, mention: false });
    this.changed();
  }

  private timeOf(msg: IrcMessage): number {
    const t = msg.tags.get('time');
    const ms = t ? Date.parse(t) : NaN;
    return Number.isNaN(ms) ? this.opts.now() : ms;
  }

  private nextLocalKey(): string {
    return `local-${++this.localId}`;
  }

  private changed(): void {
    if (this.changeQueued) return;
    this.changeQueued = true;
    queueMicrotask(() => {
      this.changeQueued = false;
      for (const fn of this.listeners) fn();
    });
  }
}
