// Tab completes a room nick at the cursor, as in Gajim and Dino: at the start of a message it becomes
// "Nick: ", elsewhere "Nick "; Tab again moves to the next match.

export interface Completion {
  text: string;
  caret: number;
  /** What was typed before the first Tab, and which match is shown: for the next Tab. */
  prefix: string;
  index: number;
}

export function completeNick(
  text: string,
  caret: number,
  nicks: readonly string[],
  previous?: Completion,
): Completion | undefined {
  const before = text.slice(0, caret);
  const cycling = previous && previous.text === text && previous.caret === caret;
  const start = cycling ? caret - completionLength(text, caret, previous) : before.search(/[^\s]*$/u);
  const prefix = cycling ? previous.prefix : before.slice(start);
  if (!prefix) return undefined;
  const matches = nicks
    .filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase()))
    .sort((a, b) => a.localeCompare(b));
  if (matches.length === 0) return undefined;
  const index = cycling ? (previous.index + 1) % matches.length : 0;
  const nick = matches[index] ?? '';
  const inserted = start === 0 ? `${nick}: ` : `${nick} `;
  return {
    text: text.slice(0, start) + inserted + text.slice(caret),
    caret: start + inserted.length,
    prefix,
    index,
  };
}

/** How many characters before the caret the previous completion inserted. */
function completionLength(text: string, caret: number, previous: Completion): number {
  const before = text.slice(0, caret);
  const match = /(\S+)(: | )$/u.exec(before);
  return match ? match[0].length : previous.prefix.length;
}
