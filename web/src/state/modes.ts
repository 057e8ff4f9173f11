/** ISUPPORT (modern.ircdocs.horse "RPL_ISUPPORT") and channel modes that the client follows. */

export type Role = 'owner' | 'op' | 'halfop' | 'voice' | '';

export class ServerSupport {
  /** Prefix modes in rank order and their prefix characters: PREFIX=(qov)~@+. */
  prefixModes = 'qaohv';
  prefixChars = '~&@%+';
  chanTypes = '#&';
  /** CHANMODES groups A,B,C,D. */
  chanModes: [string, string, string, string] = ['beI', 'k', 'l', 'imnst'];
  /** CHATHISTORY=n: most messages per request. */
  chatHistoryLimit = 100;

  /** Applies one 005 token (`KEY=value` or `KEY`). */
  apply(token: string): void {
    const eq = token.indexOf('=');
    const key = (eq < 0 ? token : token.slice(0, eq)).toUpperCase();
    const value = eq < 0 ? '' : token.slice(eq + 1);
    switch (key) {
      case 'PREFIX': {
        const m = /^\(([^)]*)\)(.*)$/.exec(value);
        if (m && m[1]!.length === m[2]!.length) {
          this.prefixModes = m[1]!;
          this.prefixChars = m[2]!;
        }
        break;
      }
      case 'CHANTYPES':
        if (value !== '') this.chanTypes = value;
        break;
      case 'CHANMODES': {
        const parts = value.split(',');
        this.chanModes = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? '', parts[3] ?? ''];
        break;
      }
      case 'CHATHISTORY': {
        const n = Number.parseInt(value, 10);
        if (n > 0) this.chatHistoryLimit = n;
        break;
      }
    }
  }

  isChannel(name: string): boolean {
    return name.length > 0 && this.chanTypes.includes(name[0]!);
  }

  /** Splits a NAMES entry (`@+nick!u@h` with multi-prefix and userhost-in-names) into prefixes and nick. */
  splitNamesEntry(entry: string): { prefixes: string; nick: string } {
    let i = 0;
    while (i < entry.length && this.prefixChars.includes(entry[i]!)) i++;
    const rest = entry.slice(i);
    const bang = rest.indexOf('!');
    return { prefixes: this.sortPrefixes(entry.slice(0, i)), nick: bang < 0 ? rest : rest.slice(0, bang) };
  }

  sortPrefixes(prefixes: string): string {
    return [...this.prefixChars].filter((c) => prefixes.includes(c)).join('');
  }

  /** The role of a member's highest prefix. */
  roleFor(prefixes: string): Role {
    const first = prefixes[0];
    if (first === undefined) return '';
    const mode = this.prefixModes[this.prefixChars.indexOf(first)];
    switch (mode) {
      case 'q': return 'owner';
      case 'a': return 'owner';
      case 'o': return 'op';
      case 'h': return 'halfop';
      case 'v': return 'voice';
      default: return '';
    }
  }

  /**
   * The prefix changes in a channel MODE line's arguments (`+ov-v alice bob carol`):
   * modes of groups A, B, the prefix modes and C when set take an argument.
   */
  prefixChanges(modeArgs: readonly string[]): { nick: string; prefix: string; add: boolean }[] {
    const out: { nick: string; prefix: string; add: boolean }[] = [];
    const modes = modeArgs[0] ?? '';
    let argIndex = 1;
    let add = true;
    for (const c of modes) {
      if (c === '+') { add = true; continue; }
      if (c === '-') { add = false; continue; }
      const pi = this.prefixModes.indexOf(c);
      if (pi >= 0) {
        const nick = modeArgs[argIndex++];
        if (nick !== undefined) out.push({ nick, prefix: this.prefixChars[pi]!, add });
        continue;
      }
      const [a, b, cGroup] = this.chanModes;
      if (a.includes(c) || b.includes(c) || (add && cGroup.includes(c))) argIndex++;
    }
    return out;
  }
}

/** IRC case folding for CASEMAPPING=ascii (Parley's). */
export function fold(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
