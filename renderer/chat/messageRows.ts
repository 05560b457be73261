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

export function dayKey(timestamp: number): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

const senderOf = (m: ChatMessage): string => (m.direction === 'out' ? 'me' : (m.from.split('/')[0] ?? m.peer));

export function buildRows(messages: readonly ChatMessage[]): MessageRow[] {
  const rows: MessageRow[] = [];
  let previous: ChatMessage | undefined;
  for (const message of messages) {
    const dayStart = !previous || dayKey(previous.timestamp) !== dayKey(message.timestamp);
    const groupStart =
      dayStart ||
      !previous ||
      senderOf(previous) !== senderOf(message) ||
      message.timestamp - previous.timestamp > GROUP_GAP_MS;
    rows.push({ key: message.id, message, dayStart, groupStart });
    previous = message;
  }
  return rows;
}
