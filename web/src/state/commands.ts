import { formatLine } from '../irc/message';
import type { ParleyClient } from './client';

/** What the UI must do after a composer line ran (the client did the IRC part). */
export type CommandResult = { kind: 'done' } | { kind: 'logout' } | { kind: 'error'; text: string };

/**
 * Runs a composer line in the active buffer: text is sent as PRIVMSG; `/join #room [key]`,
 * `/part [#room] [reason]`, `/msg nick text`, `/query nick`, `/topic [text]`, `/me text`,
 * `/nick new`, `/logout`, `/quote LINE`; any other `/CMD args` is sent raw as `CMD args`;
 * `//text` sends `/text`.
 */
export function runInput(client: ParleyClient, input: string): CommandResult {
  const text = input.replace(/\s+$/, '');
  if (text.trim() === '') return { kind: 'done' };
  const active = client.activeBuffer();
  const target = active.kind === 'server' ? '' : active.name;
  if (!text.startsWith('/') || text.startsWith('//')) {
    client.say(target, text.startsWith('//') ? text.slice(1) : text);
    return { kind: 'done' };
  }
  const space = text.indexOf(' ');
  const name = (space < 0 ? text.slice(1) : text.slice(1, space)).toLowerCase();
  const rest = space < 0 ? '' : text.slice(space + 1).trim();
  const words = rest.split(/\s+/).filter((w) => w !== '');
  switch (name) {
    case 'join':
    case 'j': {
      const room = words[0];
      if (!room) return { kind: 'error', text: 'Usage: /join #room [key]' };
      client.join(client.support.isChannel(room) ? room : '#' + room, words[1]);
      return { kind: 'done' };
    }
    case 'part':
    case 'leave': {
      let room = target;
      let reason = rest;
      if (words[0] && client.support.isChannel(words[0])) {
        room = words[0];
        reason = rest.slice(words[0].length).trim();
      }
      if (!client.support.isChannel(room)) return { kind: 'error', text: 'Usage: /part [#room] [reason]' };
      client.send(formatLine('PART', reason ? [room, reason] : [room]));
      return { kind: 'done' };
    }
    case 'msg':
    case 'query':
    case 'q': {
      const nick = words[0];
      if (!nick) return { kind: 'error', text: `Usage: /${name} nick${name === 'msg' ? ' text' : ''}` };
      const body = rest.slice(nick.length).trim();
      if (client.support.isChannel(nick)) {
        if (body) client.say(nick, body);
        return { kind: 'done' };
      }
      client.openQuery(nick);
      if (body) client.say(nick, body);
      return { kind: 'done' };
    }
    case 'topic': {
      let room = target;
      let topic = rest;
      if (words[0] && client.support.isChannel(words[0])) {
        room = words[0];
        topic = rest.slice(words[0].length).trim();
      }
      if (!client.support.isChannel(room)) return { kind: 'error', text: 'Usage: /topic [#room] text (in a room)' };
      client.send(formatLine('TOPIC', topic ? [room, topic] : [room]));
      return { kind: 'done' };
    }
    case 'me':
      if (!target) return { kind: 'error', text: '/me works in a room or a DM' };
      client.say(target, rest, true);
      return { kind: 'done' };
    case 'nick':
      if (!words[0]) return { kind: 'error', text: 'Usage: /nick newnick' };
      client.send(formatLine('NICK', [words[0]]));
      return { kind: 'done' };
    case 'logout':
      return { kind: 'logout' };
    case 'quote':
    case 'raw':
      if (!rest) return { kind: 'error', text: 'Usage: /quote IRC LINE' };
      client.send(rest);
      return { kind: 'done' };
    case 'close':
      client.closeBuffer(active.name);
      return { kind: 'done' };
    default:
      client.send(name.toUpperCase() + (rest ? ' ' + rest : ''));
      return { kind: 'done' };
  }
}
