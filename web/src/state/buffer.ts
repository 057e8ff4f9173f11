import type { Role } from './modes';

export type MessageKind = 'privmsg' | 'notice' | 'action' | 'join' | 'part' | 'quit' | 'kick' | 'topic' | 'nick' | 'mode' | 'info' | 'error';

/** One line shown in a buffer. */
export interface ChatMessage {
  /** Unique within its buffer: the msgid, or a local id for lines without one. */
  key: string;
  msgid?: string;
  /** Milliseconds since the epoch (server-time's `time` tag, else arrival). */
  time: number;
  /** Who said it; '' for server and client lines. */
  nick: string;
  text: string;
  kind: MessageKind;
  self: boolean;
  /** The own nick is named in it (set when it arrived). */
  mention: boolean;
}

export type BufferKind = 'server' | 'channel' | 'query';

/** Most lines a buffer keeps; older ones are dropped from memory (history can load them again). */
export const MaxBufferMessages = 2000;

/** A room, a direct-message conversation or the server's own lines. */
export class Buffer {
  readonly kind: BufferKind;
  name: string;
  messages: ChatMessage[] = [];
  private readonly keys = new Set<string>();
  unread = 0;
  mention = false;
  topic = '';
  /** Members by nick, each with its prefix characters in PREFIX order (multi-prefix). */
  members = new Map<string, string>();
  /** Members collected from 353 until 366 replaces `members`. */
  pendingNames: Map<string, string> | null = null;
  joined = false;
  /** No older history on the server (a BEFORE returned less than asked). */
  historyExhausted = false;
  historyLoading = false;
  /** The read marker (draft/read-marker), ms; 0 when unknown or nothing read. */
  readMarker = 0;
  /** The server told the marker (a timestamp, or `*`: nothing read yet). */
  markerKnown = false;
  /** Nicks typing, with the time their indicator expires (ms). */
  typing = new Map<string, number>();

  constructor(kind: BufferKind, name: string) {
    this.kind = kind;
    this.name = name;
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /**
   * Adds a line in time order; a line whose msgid is already there is dropped (history and live
   * delivery overlap after a reconnect). Returns whether it was added.
   */
  add(message: ChatMessage): boolean {
    if (this.keys.has(message.key)) return false;
    this.keys.add(message.key);
    const list = this.messages;
    let i = list.length;
    while (i > 0 && list[i - 1]!.time > message.time) i--;
    list.splice(i, 0, message);
    if (list.length > MaxBufferMessages) {
      const dropped = list.splice(0, list.length - MaxBufferMessages);
      for (const d of dropped) this.keys.delete(d.key);
      this.historyExhausted = false;
    }
    return true;
  }

  /** The oldest line carrying a msgid (history's BEFORE reference). */
  oldestWithId(): ChatMessage | undefined {
    return this.messages.find((m) => m.msgid !== undefined);
  }

  /** The newest line carrying a stored msgid (the AFTER reference that fills a gap). */
  newestWithId(): ChatMessage | undefined {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (m.msgid !== undefined && !m.msgid.includes('.') && !m.msgid.startsWith('t')) return m;
    }
    return undefined;
  }

  newest(): ChatMessage | undefined {
    return this.messages[this.messages.length - 1];
  }

  /** Counts unread lines after the read marker (others' messages only). */
  recountFromMarker(): void {
    let unread = 0;
    let mention = false;
    for (const m of this.messages) {
      if (m.time > this.readMarker && !m.self && isChat(m.kind)) {
        unread++;
        if (m.mention) mention = true;
      }
    }
    this.unread = unread;
    this.mention = mention;
  }

  roleOf(nick: string, roleFor: (prefixes: string) => Role): Role {
    return roleFor(this.members.get(nick) ?? '');
  }
}

export function isChat(kind: MessageKind): boolean {
  return kind === 'privmsg' || kind === 'notice' || kind === 'action';
}
