// A conversation export as plain text (one line per message, a heading per chat) or as JSON (the
// messages as the engine keeps them, one object per line-free array entry).
import type { ChatMessage } from '../../shared/model/message.ts';

export type ExportFormat = 'text' | 'json';

const stamp = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

function textBody(m: ChatMessage): string {
  if (m.retracted) return '[retracted]';
  if (m.encryption?.error && !m.body) return '[encrypted message that could not be read]';
  return m.body;
}

/** One chunk of the export; `previous` is the last message of the chunk before (for chat headings). */
export function formatChunk(
  messages: readonly ChatMessage[],
  format: ExportFormat,
  first: boolean,
  previous: ChatMessage | undefined,
): string {
  if (format === 'json')
    return messages.map((m, i) => `${first && i === 0 ? '[\n' : ',\n'}${JSON.stringify(m)}`).join('');
  let out = '';
  let last = previous;
  for (const m of messages) {
    if (!last || last.account !== m.account || last.peer !== m.peer)
      out += `${out || !first ? '\n' : ''}== ${m.peer} (${m.account}) ==\n`;
    const who = m.direction === 'out' ? 'me' : m.groupchat ? m.from : m.peer;
    const reply = m.replyTo ? ' [reply]' : '';
    out += `[${stamp(m.timestamp)}] ${who}${reply}: ${textBody(m).replace(/\n/gu, '\n    ')}${m.edited ? ' (edited)' : ''}\n`;
    last = m;
  }
  return out;
}

export const closing = (format: ExportFormat, empty: boolean): string =>
  format === 'json' ? (empty ? '[]\n' : '\n]\n') : '';
