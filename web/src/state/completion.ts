/** Tab completion of nicks and #rooms in the composer. */

export interface CompletionState {
  /** The text before the word being completed and after it. */
  before: string;
  after: string;
  /** The word as typed, and the candidates that start with it. */
  stem: string;
  matches: string[];
  index: number;
}

export interface CompletionResult {
  text: string;
  cursor: number;
  state: CompletionState;
}

/**
 * Completes the word before the cursor: a word starting with a channel type among `rooms`,
 * otherwise among `nicks` (case-insensitive prefix). A nick at the start of the line gets `: `.
 * Pass the previous state to cycle to the next match (repeated Tab). Null when nothing matches.
 */
export function complete(
  text: string, cursor: number, nicks: readonly string[], rooms: readonly string[], previous: CompletionState | null,
  chanTypes = '#&',
): CompletionResult | null {
  if (previous !== null && previous.matches.length > 0) {
    const index = (previous.index + 1) % previous.matches.length;
    return build({ ...previous, index }, chanTypes);
  }
  const head = text.slice(0, cursor);
  const start = head.search(/\S*$/);
  const stem = head.slice(start);
  if (stem === '') return null;
  const pool = chanTypes.includes(stem[0]!) ? rooms : nicks;
  const lower = stem.toLowerCase();
  const matches = [...new Set(pool)].filter((c) => c.toLowerCase().startsWith(lower))
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  if (matches.length === 0) return null;
  return build({ before: text.slice(0, start), after: text.slice(cursor), stem, matches, index: 0 }, chanTypes);
}

function build(state: CompletionState, chanTypes: string): CompletionResult {
  const word = state.matches[state.index]!;
  const isNickAtStart = state.before.trim() === '' && !chanTypes.includes(word[0]!);
  const suffix = isNickAtStart ? ': ' : ' ';
  const after = state.after.startsWith(' ') ? state.after.slice(1) : state.after;
  const inserted = word + suffix;
  return { text: state.before + inserted + after, cursor: state.before.length + inserted.length, state };
}
