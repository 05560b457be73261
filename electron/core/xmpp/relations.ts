// What a message says about another one: a reply (XEP-0461, with its XEP-0428 fallback range in the
// body) or a set of reactions (XEP-0444). Parsed the same way for live messages, carbons, archives
// and rooms, and bounded against hostile input.
import type { Element } from './stanza.ts';

export const NS_REPLY = 'urn:xmpp:reply:0';
export const NS_REACTIONS = 'urn:xmpp:reactions:0';
export const NS_FALLBACK = 'urn:xmpp:fallback:0';
/** The namespace an earlier version of XEP-0428 used; still sent by some clients. */
const NS_FALLBACK_OLD = 'urn:xmpp:feature-fallback:0';

const MAX_ID = 256;
export const MAX_REACTIONS = 20;
const MAX_EMOJI_CHARS = 32;

export interface ReplyRef {
  id: string;
  to?: string;
}

export interface Relations {
  reply?: ReplyRef;
  /** Code-point ranges of the body that only quote the replied-to message. */
  replyFallback?: { start: number; end: number }[];
  reactions?: { id: string; emojis: string[] };
}

const shortText = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

/** A reaction is one emoji (or a short grapheme sequence), never markup or text. */
export function isReaction(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_EMOJI_CHARS &&
    /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(value) &&
    !/[\p{L}\p{N}<>&]/u.test(
      value.replace(/\p{Extended_Pictographic}|\uFE0F|\u200D|[\u{1F3FB}-\u{1F3FF}]|[\u{E0020}-\u{E007F}]/gu, ''),
    )
  );
}

export function relationsOf(stanza: Element): Relations {
  const result: Relations = {};
  const reply = stanza.getChild('reply', NS_REPLY);
  const id = shortText(reply?.attrs.id, MAX_ID);
  if (id) {
    const to = shortText(reply?.attrs.to, 3071);
    result.reply = { id, ...(to ? { to } : {}) };
    const ranges = [...stanza.getChildren('fallback', NS_FALLBACK), ...stanza.getChildren('fallback', NS_FALLBACK_OLD)]
      .filter((f) => f.attrs.for === NS_REPLY)
      .flatMap((f) => f.getChildren('body'))
      .map((b) => ({ start: Number(b.attrs.start), end: Number(b.attrs.end) }))
      .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end > r.start)
      .slice(0, 4);
    if (ranges.length > 0) result.replyFallback = ranges;
  }
  const reactions = stanza.getChild('reactions', NS_REACTIONS);
  const target = shortText(reactions?.attrs.id, MAX_ID);
  if (reactions && target) {
    const emojis = [
      ...new Set(
        reactions
          .getChildren('reaction')
          .map((r) => r.text().trim())
          .filter(isReaction),
      ),
    ].slice(0, MAX_REACTIONS);
    result.reactions = { id: target, emojis };
  }
  return result;
}

/** The body without its fallback ranges (code points, as XEP-0428 counts), and the text they held. */
export function stripFallback(
  body: string,
  ranges: readonly { start: number; end: number }[] | undefined,
): { body: string; quoted: string } {
  if (!ranges?.length) return { body, quoted: '' };
  const points = [...body];
  const cut = new Set<number>();
  for (const { start, end } of ranges) for (let i = start; i < Math.min(end, points.length); i++) cut.add(i);
  return {
    body: points.filter((_, i) => !cut.has(i)).join(''),
    quoted: points.filter((_, i) => cut.has(i)).join(''),
  };
}

/** The quote our replies carry for clients without XEP-0461: "> " before each line of the original. */
export function fallbackQuote(author: string, text: string): string {
  const lines = text
    .split('\n')
    .slice(0, 4)
    .map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l));
  return `> ${author}:\n${lines.map((l) => `> ${l}`).join('\n')}\n`;
}

/** The code-point length of a string (what XEP-0428 ranges count). */
export const codePoints = (text: string): number => [...text].length;
