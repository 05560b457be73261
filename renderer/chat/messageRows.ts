// Turns a chat's messages into list rows: a day separator where the day changes, and a sender
// header where a new run of messages from one sender starts.
import type { ChatMessage } from '../../shared/model/message.ts';

export interface MessageRow {
  key: string;
  message: ChatMessage;
  /** The first message of its (local) day: the row shows the date above it. */
  dayStart: boolean;
  /** The first of a run by one sender: the row shows who and the avatar. */
  groupStart: boolean;
}

/** Messages further apart than this start a new run even from the same sender. */
export const GROUP_GAP_MS = 5 * 60 * 1000;

const senderOf = (m: ChatMessage): string => (m.direction === 'out' ? 'me' : (m.from.split('/')[0] ?? m.peer));

export function buildRows(messages: readonly ChatMessage[]): MessageRow[] {
  const rows: MessageRow[] = [];
  let previous: ChatMessage | undefined;
  let previousSender = '';
  // The local day of the previous message as [from, to) in ms: one Date per day, not two per message
  // (a chat scrolled back through 10,000 messages rebuilds its rows on every page).
  let dayFrom = Number.NEGATIVE_INFINITY;
  let dayTo = Number.NEGATIVE_INFINITY;
  for (const message of messages) {
    const ts = message.timestamp;
    const dayStart = !previous || !(ts >= dayFrom && ts < dayTo);
    if (dayStart) {
      const day = new Date(ts);
      dayFrom = day.setHours(0, 0, 0, 0);
      dayTo = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1).getTime();
    }
    const sender = senderOf(message);
    const groupStart = dayStart || !previous || previousSender !== sender || ts - previous.timestamp > GROUP_GAP_MS;
    rows.push({ key: message.id, message, dayStart, groupStart });
    previous = message;
    previousSender = sender;
  }
  return rows;
}
