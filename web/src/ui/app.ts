import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as api from '../api';
import { linkify } from '../irc/text';
import { askNotificationPermission, canAskNotificationPermission, notify } from '../notify';
import { isChat, type Buffer, type ChatMessage } from '../state/buffer';
import { ParleyClient } from '../state/client';
import { runInput } from '../state/commands';
import { complete, type CompletionState } from '../state/completion';
import { fold } from '../state/modes';
import { currentTheme, followSystemTheme, toggleTheme } from '../theme';

type View = 'loading' | 'login' | 'chat';

/** Lines of composer input remembered for Up/Down. */
const InputHistorySize = 100;
const RoleRank: Record<string, number> = { owner: 0, op: 1, halfop: 2, voice: 3, '': 4 };

const GuestKey = 'parley-guest-nick';

function storedGuestNick(): string | null {
  try {
    return sessionStorage.getItem(GuestKey);
  } catch {
    return null;
  }
}

function loadRooms(storage: Storage, key: string): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === 'string').slice(0, 50) : [];
  } catch {
    return [];
  }
}

function wsUrl(): string {
  const url = new URL('/ws', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/**
 * The whole client UI. Renders into its own light DOM (no shadow root) so the one stylesheet
 * applies and Playwright's data-testid selectors reach every element. Every network text is a
 * lit text binding (textContent), never HTML.
 */
export class ParleyApp extends LitElement {
  private readonly client = new ParleyClient({ url: wsUrl() });
  private view: View = 'loading';
  private loginError = '';
  private busy = false;
  private mode: 'account' | 'guest' = 'guest';
  private sidebarOpen = false;
  private membersOpen = false;
  private inputHistory: string[] = [];
  private historyIndex = -1;
  private draft = '';
  private completion: CompletionState | null = null;
  private stickToBottom = true;
  private scrollAnchor: { key: string; height: number; top: number } | null = null;
  private renderedBuffer = '';
  private typingTimer: ReturnType<typeof setInterval> | null = null;
  /** Where this session's joined rooms are kept across reloads ('' when signed out). */
  private roomsKey = '';
  private savedRooms = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.client.onChange(() => {
      this.rememberRooms();
      this.requestUpdate();
    });
    this.client.visible = !document.hidden;
    this.client.onNotice((n) => notify(n.title, n.body, n.buffer, () => this.client.setActive(n.buffer)));
    document.addEventListener('visibilitychange', () => {
      this.client.setVisible(!document.hidden);
      if (!document.hidden) this.client.retryNow();
    });
    window.addEventListener('online', () => this.client.retryNow());
    window.addEventListener('keydown', (e) => this.onGlobalKey(e));
    followSystemTheme(() => this.requestUpdate());
    // Typing indicators expire by time, without a line to trigger a render.
    this.typingTimer = setInterval(() => {
      if (this.client.activeBuffer().typing.size > 0) this.requestUpdate();
    }, 1000);
    void this.restoreSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.typingTimer !== null) clearInterval(this.typingTimer);
    this.client.stop();
  }

  /** Keeps the joined rooms (localStorage for an account, sessionStorage for a guest), so a reload rejoins them. */
  private rememberRooms(): void {
    if (this.roomsKey === '' || this.client.state !== 'connected') return;
    const rooms = JSON.stringify(this.client.joinedRooms());
    if (rooms === this.savedRooms) return;
    this.savedRooms = rooms;
    try {
      (this.mode === 'account' ? localStorage : sessionStorage).setItem(this.roomsKey, rooms);
    } catch { /* storage off: no reload memory */ }
  }

  private async restoreSession(): Promise<void> {
    const session = await api.currentSession();
    const guest = storedGuestNick();
    if (session.ok && session.account) this.startAccount(session.account);
    else if (guest !== null) this.startGuest(guest);
    else this.show('login');
  }

  private show(view: View): void {
    this.view = view;
    this.requestUpdate();
  }

  private startAccount(account: string): void {
    try { sessionStorage.removeItem(GuestKey); } catch { /* nothing kept */ }
    this.mode = 'account';
    this.loginError = '';
    this.roomsKey = `parley-rooms:account:${fold(account)}`;
    this.client.connect({ nick: account, external: true, account, rooms: loadRooms(localStorage, this.roomsKey) });
    this.show('chat');
    this.focusComposerSoon();
  }

  // ---- sign-in ----------------------------------------------------------------------------

  private async onSignIn(e: Event, registering: boolean): Promise<void> {
    e.preventDefault();
    askNotificationPermission();
    if (this.busy) return;
    const accountInput = this.querySelector<HTMLInputElement>('[data-testid="login-account"]');
    const passwordInput = this.querySelector<HTMLInputElement>('[data-testid="login-password"]');
    const account = accountInput?.value.trim() ?? '';
    if (account === '' || (passwordInput?.value ?? '') === '') {
      this.loginError = 'Enter an account name and a password.';
      this.requestUpdate();
      return;
    }
    this.busy = true;
    this.requestUpdate();
    // The password goes from the field straight into the request and the field is cleared:
    // nothing keeps it (no state, no storage).
    const result = registering
      ? await api.register(account, passwordInput!.value)
      : await api.signIn(account, passwordInput!.value);
    if (passwordInput) passwordInput.value = '';
    this.busy = false;
    if (result.ok) {
      this.startAccount(result.account ?? account);
      return;
    }
    this.loginError = result.error ?? `Failed (${result.status})`;
    this.requestUpdate();
  }

  private onGuest(e: Event): void {
    e.preventDefault();
    askNotificationPermission();
    const nick = this.querySelector<HTMLInputElement>('[data-testid="guest-nick"]')?.value.trim() ?? '';
    if (!/^[^\s#:,!@*?&~+%][^\s,!@*?]{0,31}$/.test(nick)) {
      this.loginError = 'Choose a nick: up to 32 characters, no spaces, not starting with # or :.';
      this.requestUpdate();
      return;
    }
    this.startGuest(nick);
  }

  private startGuest(nick: string): void {
    this.mode = 'guest';
    this.loginError = '';
    // Kept for this tab only, so a reload comes back as the same guest.
    try { sessionStorage.setItem(GuestKey, nick); } catch { /* storage off: no reload memory */ }
    this.roomsKey = 'parley-rooms:guest';
    this.client.connect({ nick, external: false, rooms: loadRooms(sessionStorage, this.roomsKey) });
    this.show('chat');
    this.focusComposerSoon();
  }

  private async logout(): Promise<void> {
    this.client.stop();
    try {
      sessionStorage.removeItem(GuestKey);
      if (this.roomsKey !== '') (this.mode === 'account' ? localStorage : sessionStorage).removeItem(this.roomsKey);
    } catch { /* nothing kept */ }
    this.roomsKey = '';
    this.savedRooms = '';
    if (this.mode === 'account') await api.signOut();
    this.mode = 'guest';
    this.inputHistory = [];
    this.show('login');
  }

  // ---- keyboard ---------------------------------------------------------------------------

  private onGlobalKey(e: KeyboardEvent): void {
    if (this.view !== 'chat') return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      this.client.cycleActive(e.key === 'ArrowUp' ? -1 : 1);
      this.sidebarOpen = false;
      return;
    }
    if (e.key === 'Escape') {
      this.sidebarOpen = false;
      this.membersOpen = false;
      this.composer()?.focus();
      this.requestUpdate();
    }
  }

  private composer(): HTMLTextAreaElement | null {
    return this.querySelector<HTMLTextAreaElement>('[data-testid="composer"]');
  }

  private focusComposerSoon(): void {
    void this.updateComplete.then(() => this.composer()?.focus());
  }

  private onComposerKey(e: KeyboardEvent): void {
    const ta = e.target as HTMLTextAreaElement;
    if (e.key !== 'Tab') this.completion = null;
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.submit(ta);
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey) {
      const b = this.client.activeBuffer();
      const nicks = b.kind === 'channel' ? [...b.members.keys()] : b.kind === 'query' ? [b.name, this.client.nick] : [];
      const rooms = this.client.orderedBuffers().filter((x) => x.kind === 'channel').map((x) => x.name);
      const result = complete(ta.value, ta.selectionStart, nicks, rooms, this.completion, this.client.support.chanTypes);
      if (result === null) return; // nothing to complete: Tab moves focus as usual
      e.preventDefault();
      this.completion = result.state;
      ta.value = result.text;
      ta.setSelectionRange(result.cursor, result.cursor);
      return;
    }
    const onFirstLine = !ta.value.slice(0, ta.selectionStart).includes('\n');
    const onLastLine = !ta.value.slice(ta.selectionEnd).includes('\n');
    if (e.key === 'ArrowUp' && !e.altKey && onFirstLine && this.inputHistory.length > 0) {
      e.preventDefault();
      if (this.historyIndex === -1) this.draft = ta.value;
      this.historyIndex = Math.min(this.historyIndex + 1, this.inputHistory.length - 1);
      ta.value = this.inputHistory[this.inputHistory.length - 1 - this.historyIndex] ?? '';
      ta.setSelectionRange(ta.value.length, ta.value.length);
    } else if (e.key === 'ArrowDown' && !e.altKey && onLastLine && this.historyIndex >= 0) {
      e.preventDefault();
      this.historyIndex--;
      ta.value = this.historyIndex < 0 ? this.draft : this.inputHistory[this.inputHistory.length - 1 - this.historyIndex] ?? '';
      ta.setSelectionRange(ta.value.length, ta.value.length);
    }
  }

  private onComposerInput(e: Event): void {
    const ta = e.target as HTMLTextAreaElement;
    const b = this.client.activeBuffer();
    if (b.kind === 'server' || ta.value.startsWith('/')) return;
    this.client.sendTyping(b.name, ta.value.trim() === '' ? 'done' : 'active');
  }

  private submit(ta: HTMLTextAreaElement): void {
    const text = ta.value;
    if (text.trim() === '') return;
    this.inputHistory.push(text);
    if (this.inputHistory.length > InputHistorySize) this.inputHistory.shift();
    this.historyIndex = -1;
    this.draft = '';
    ta.value = '';
    this.stickToBottom = true;
    const result = runInput(this.client, text);
    if (result.kind === 'logout') void this.logout();
    else if (result.kind === 'error') this.client.info(this.client.active, result.text, 'error');
  }

  // ---- scrolling and history --------------------------------------------------------------

  private messagesEl(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-testid="messages"]');
  }

  private onScroll(): void {
    const el = this.messagesEl();
    if (!el) return;
    this.stickToBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (el.scrollTop < 60) this.loadOlder();
  }

  private loadOlder(): void {
    const b = this.client.activeBuffer();
    if (b.historyExhausted || b.historyLoading) return;
    this.client.loadOlder(b.name);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const el = this.messagesEl();
    const b = this.client.activeBuffer();
    if (el && this.renderedBuffer === fold(b.name)) {
      const first = el.querySelector<HTMLElement>('[data-key]');
      this.scrollAnchor = first ? { key: first.dataset['key'] ?? '', height: el.scrollHeight, top: el.scrollTop } : null;
    } else {
      this.scrollAnchor = null;
      this.stickToBottom = true;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const el = this.messagesEl();
    const b = this.client.activeBuffer();
    this.renderedBuffer = fold(b.name);
    let unread = 0;
    for (const x of this.client.buffers.values()) unread += x.unread;
    const title = unread > 0 ? `(${unread}) Parley` : 'Parley';
    if (document.title !== title) document.title = title;
    if (!el) return;
    if (this.stickToBottom) {
      el.scrollTop = el.scrollHeight;
    } else if (this.scrollAnchor) {
      const first = el.querySelector<HTMLElement>('[data-key]');
      // Older lines were put above: keep the ones being read where they were.
      if (first && first.dataset['key'] !== this.scrollAnchor.key) {
        el.scrollTop = this.scrollAnchor.top + (el.scrollHeight - this.scrollAnchor.height);
      }
    }
  }

  // ---- rendering --------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <div class="app view-${this.view}">
        ${this.renderTopBar()}
        ${this.view === 'chat' ? this.renderChat() : this.view === 'login' ? this.renderLogin() : html`<main class="loading">Loading…</main>`}
      </div>`;
  }

  private renderTopBar(): TemplateResult {
    const c = this.client;
    const label = c.state === 'connected' ? 'Connected' : c.state === 'connecting' ? 'Connecting…' : 'Offline';
    const theme = currentTheme();
    return html`
      <header class="topbar">
        ${this.view === 'chat' ? html`<button class="icon sidebar-toggle" data-testid="buffer-toggle" aria-controls="sidebar"
            aria-expanded=${this.sidebarOpen ? 'true' : 'false'} title="Rooms and DMs"
            @click=${() => { this.sidebarOpen = !this.sidebarOpen; this.requestUpdate(); }}>☰</button>` : nothing}
        <span class="brand">Parley</span>
        <span class="state state-${c.state}" data-testid="connection-state" data-state=${c.state} role="status"
          title=${c.lastError || label}><span class="label">${label}</span></span>
        <span class="nick" data-testid="current-nick">${c.nick}</span>
        <span class="spacer"></span>
        <button class="theme" data-testid="theme-toggle" aria-label="Switch to ${theme === 'dark' ? 'light' : 'dark'} theme"
          @click=${() => { toggleTheme(); this.requestUpdate(); }}>${theme === 'dark' ? '☀' : '☾'}<span class="label">${theme === 'dark' ? ' Light' : ' Dark'}</span></button>
        <button class="logout" data-testid="logout" ?disabled=${this.view !== 'chat'}
          @click=${() => void this.logout()}>${this.mode === 'account' ? 'Sign out' : 'Leave'}</button>
      </header>`;
  }

  private renderLogin(): TemplateResult {
    return html`
      <main class="login-view">
        <form class="card" @submit=${(e: Event) => void this.onSignIn(e, false)} novalidate>
          <h1>Sign in</h1>
          <label>Account <input data-testid="login-account" name="account" autocomplete="username" autocapitalize="off" spellcheck="false"></label>
          <label>Password <input data-testid="login-password" name="password" type="password" autocomplete="current-password"></label>
          <div class="row">
            <button type="submit" data-testid="login-submit" ?disabled=${this.busy}>Sign in</button>
            <button type="button" data-testid="register-submit" ?disabled=${this.busy}
              @click=${(e: Event) => void this.onSignIn(e, true)}>Create account</button>
          </div>
          <p class="error" data-testid="login-error" role="alert">${this.loginError}</p>
        </form>
        <form class="card" @submit=${(e: Event) => this.onGuest(e)} novalidate>
          <h2>Or chat as a guest</h2>
          <label>Nick <input data-testid="guest-nick" name="nick" autocomplete="nickname" autocapitalize="off" spellcheck="false"></label>
          <div class="row"><button type="submit" data-testid="guest-submit">Chat as guest</button></div>
        </form>
      </main>`;
  }

  private renderChat(): TemplateResult {
    const c = this.client;
    const b = c.activeBuffer();
    return html`
      <main class="chat ${this.sidebarOpen ? 'sidebar-open' : ''} ${this.membersOpen ? 'members-open' : ''}">
        ${this.renderSidebar()}
        <section class="conversation" aria-label=${b.name === '*' ? 'Server' : b.name}>
          <div class="buffer-header">
            <h2 class="buffer-name">${b.name === '*' ? 'Server' : b.name}</h2>
            <span class="topic" data-testid="topic" title=${b.topic}>${b.topic}</span>
            ${b.kind === 'channel' ? html`
              <button class="small" data-testid="topic-edit" @click=${() => this.prefill(`/topic ${b.topic}`)}>Topic</button>
              <button class="small members-toggle" data-testid="members-toggle" aria-expanded=${this.membersOpen ? 'true' : 'false'}
                @click=${() => { this.membersOpen = !this.membersOpen; this.requestUpdate(); }}>Members ${b.members.size}</button>` : nothing}
            ${b.kind !== 'server' ? html`<button class="small" data-testid="close-buffer"
              @click=${() => c.closeBuffer(b.name)}>${b.kind === 'channel' ? 'Leave' : 'Close'}</button>` : nothing}
          </div>
          ${this.renderMessages(b)}
          <div class="typing" data-testid="typing" aria-live="polite">${this.typingText(b)}</div>
          <form class="composer-row" @submit=${(e: Event) => { e.preventDefault(); const ta = this.composer(); if (ta) this.submit(ta); }}>
            <textarea data-testid="composer" rows="1" aria-label="Message ${b.name === '*' ? '(type /join #room)' : b.name}"
              placeholder=${b.kind === 'server' ? '/join #room or /msg nick text' : `Message ${b.name}`}
              @keydown=${(e: KeyboardEvent) => this.onComposerKey(e)} @input=${(e: Event) => this.onComposerInput(e)}></textarea>
            <button type="submit" class="send">Send</button>
          </form>
        </section>
        ${b.kind === 'channel' ? this.renderMembers(b) : nothing}
      </main>`;
  }

  private prefill(text: string): void {
    const ta = this.composer();
    if (!ta) return;
    ta.value = text;
    ta.focus();
    ta.setSelectionRange(text.length, text.length);
  }

  private renderSidebar(): TemplateResult {
    const c = this.client;
    const list = c.orderedBuffers();
    return html`
      <nav id="sidebar" class="sidebar" aria-label="Rooms and direct messages">
        <ul class="buffers" data-testid="buffer-list">
          ${repeat(list, (b) => fold(b.name), (b) => {
            const active = fold(b.name) === c.active;
            return html`<li>
              <button class="buffer ${b.kind} ${active ? 'active' : ''} ${b.unread > 0 ? 'has-unread' : ''}"
                data-testid="buffer-item" data-buffer=${b.name} data-active=${active ? 'true' : 'false'}
                data-mention=${b.mention ? 'true' : 'false'} aria-current=${active ? 'page' : 'false'}
                @click=${() => { c.setActive(b.name); this.sidebarOpen = false; this.focusComposerSoon(); }}>
                <span class="buffer-label">${b.name === '*' ? 'Server' : b.name}</span>
                ${b.unread > 0 ? html`<span class="unread" data-testid="unread">${b.unread}</span>` : nothing}
              </button></li>`;
          })}
        </ul>
        <form class="join-form" @submit=${(e: Event) => this.onJoinForm(e)}>
          <input data-testid="join-input" placeholder="#room or nick" aria-label="Join a room or open a DM" autocapitalize="off" spellcheck="false">
          <button type="submit" data-testid="join-submit">Open</button>
        </form>
        ${canAskNotificationPermission() ? html`<button class="small notify-enable" data-testid="notifications-enable"
          @click=${() => askNotificationPermission(() => this.requestUpdate())}>Enable notifications</button>` : nothing}
        <p class="hint">Alt+↑/↓ switch · Esc composer · Tab completes</p>
      </nav>`;
  }

  private onJoinForm(e: Event): void {
    e.preventDefault();
    const input = this.querySelector<HTMLInputElement>('[data-testid="join-input"]');
    const name = input?.value.trim() ?? '';
    if (!input || name === '') return;
    input.value = '';
    if (this.client.support.isChannel(name)) this.client.join(name);
    else this.client.openQuery(name);
    this.sidebarOpen = false;
    this.focusComposerSoon();
  }

  private renderMessages(b: Buffer): TemplateResult {
    const canLoad = !b.historyExhausted && this.client.canLoadHistory(b);
    return html`
      <ol class="messages" data-testid="messages" role="log" aria-live="polite" tabindex="0" @scroll=${() => this.onScroll()}>
        ${canLoad ? html`<li class="load-older"><button class="small" data-testid="load-older" ?disabled=${b.historyLoading}
            @click=${() => this.loadOlder()}>${b.historyLoading ? 'Loading…' : 'Load older messages'}</button></li>` : nothing}
        ${repeat(b.messages, (m) => m.key, (m) => this.renderMessage(m))}
      </ol>`;
  }

  private renderMessage(m: ChatMessage): TemplateResult {
    const date = new Date(m.time);
    const time = html`<time data-testid="message-time" datetime=${date.toISOString()} title=${date.toLocaleString()}>${date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>`;
    if (!isChat(m.kind)) {
      return html`<li class="event ${m.kind}" data-testid="event" data-key=${m.key} data-msgid=${m.msgid ?? ''}>${time}
        <span class="event-text">${m.text}</span></li>`;
    }
    return html`<li class="message ${m.kind} ${m.self ? 'self' : ''} ${m.mention ? 'mention' : ''}" data-testid="message"
        data-key=${m.key} data-msgid=${m.msgid ?? ''}>${time}
        <span class="message-nick" data-testid="message-nick">${m.nick}</span>
        <span class="message-text" data-testid="message-text">${linkify(m.text).map((s) => s.href
          ? html`<a href=${s.href} rel="noopener noreferrer" target="_blank">${s.text}</a>`
          : s.text)}</span></li>`;
  }

  private renderMembers(b: Buffer): TemplateResult {
    const support = this.client.support;
    const members = [...b.members].map(([nick, prefixes]) => ({ nick, prefixes, role: support.roleFor(prefixes) }))
      .sort((x, y) => (RoleRank[x.role] ?? 9) - (RoleRank[y.role] ?? 9) || x.nick.toLowerCase().localeCompare(y.nick.toLowerCase()));
    return html`
      <aside class="members" aria-label="Members of ${b.name}">
        <h3>Members (${members.length})</h3>
        <ul>
          ${repeat(members, (m) => m.nick, (m) => html`<li data-testid="member" data-nick=${m.nick} data-role=${m.role}
            data-away=${this.client.away.has(fold(m.nick)) ? 'true' : 'false'}>
            <button class="member role-${m.role || 'none'}" title="Direct message ${m.nick}"
              @click=${() => { this.client.openQuery(m.nick); this.membersOpen = false; this.focusComposerSoon(); }}>
              <span class="prefix">${m.prefixes.slice(0, 1)}</span>${m.nick}</button></li>`)}
        </ul>
      </aside>`;
  }

  private typingText(b: Buffer): string {
    const nicks = this.client.typingIn(b);
    if (nicks.length === 0) return '';
    if (nicks.length === 1) return `${nicks[0]} is typing…`;
    if (nicks.length <= 3) return `${nicks.join(', ')} are typing…`;
    return 'Several people are typing…';
  }
}

customElements.define('parley-app', ParleyApp);
