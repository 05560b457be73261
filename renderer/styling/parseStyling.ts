// XEP-0393 Message Styling: a message body becomes blocks and spans (plain data, turned into
// React elements by StyledText). Nothing here ever produces HTML.
import { findLinks } from './links.ts';
import { linkLabel } from './linkLabel.ts';

export type SpanStyle = 'strong' | 'emphasis' | 'strike';
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'link'; href: string; text: string }
  | { type: 'styled'; style: SpanStyle; marker: string; children: Inline[] }
  | { type: 'code'; text: string };
export type Block =
  | { type: 'line'; content: Inline[] }
  | { type: 'pre'; fence: string; lines: string[]; closed: boolean }
  | { type: 'quote'; blocks: Block[] };

const STYLES: Record<string, SpanStyle | 'code'> = { '*': 'strong', _: 'emphasis', '~': 'strike', '`': 'code' };
/** Past this size a body is shown as plain lines: styling is a nicety, not worth a stall. */
export const MAX_STYLED_CHARS = 64 * 1024;

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);

function textInlines(text: string): Inline[] {
  if (text.length === 0) return [];
  const out: Inline[] = [];
  let at = 0;
  for (const link of findLinks(text)) {
    if (link.start > at) out.push({ type: 'text', text: text.slice(at, link.start) });
    out.push({ type: 'link', href: link.href, text: linkLabel(text.slice(link.start, link.end), link.href) });
    at = link.end;
  }
  if (at < text.length) out.push({ type: 'text', text: text.slice(at) });
  return out;
}

/** Positions that may close a span of each directive: the directive, not preceded by whitespace. */
function closerPositions(line: string): Map<string, number[]> {
  const positions = new Map<string, number[]>(Object.keys(STYLES).map((c) => [c, []]));
  for (let i = 1; i < line.length; i++) {
    const c = line[i] ?? '';
    if (c in STYLES && !isSpace(line[i - 1])) positions.get(c)?.push(i);
  }
  return positions;
}

function firstAfter(sorted: readonly number[], min: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < min) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo] ?? -1;
}

function parseSpans(
  line: string,
  start: number,
  end: number,
  closers: Map<string, number[]>,
  open: ReadonlySet<string>,
): Inline[] {
  const out: Inline[] = [];
  let plainFrom = start;
  for (let i = start; i < end; i++) {
    const c = line[i] ?? '';
    const style = STYLES[c];
    if (!style || open.has(c) || isSpace(line[i + 1])) continue;
    if (i !== start && !isSpace(line[i - 1])) continue;
    const close = firstAfter(closers.get(c) ?? [], i + 2);
    if (close === -1 || close >= end) continue;
    out.push(...textInlines(line.slice(plainFrom, i)));
    if (style === 'code') out.push({ type: 'code', text: line.slice(i + 1, close) });
    else
      out.push({
        type: 'styled',
        style,
        marker: c,
        children: parseSpans(line, i + 1, close, closers, new Set([...open, c])),
      });
    i = close;
    plainFrom = close + 1;
  }
  out.push(...textInlines(line.slice(plainFrom, end)));
  return out;
}

export function parseInline(line: string): Inline[] {
  return parseSpans(line, 0, line.length, closerPositions(line), new Set());
}

function parseLines(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== '```') body.push(lines[j++] ?? '');
      blocks.push({ type: 'pre', fence: line, lines: body, closed: j < lines.length });
      i = j;
    } else if (line.startsWith('>')) {
      const quoted: string[] = [];
      let j = i;
      while (j < lines.length && (lines[j] ?? '').startsWith('>')) quoted.push((lines[j++] ?? '').replace(/^> ?/u, ''));
      blocks.push({ type: 'quote', blocks: parseLines(quoted) });
      i = j - 1;
    } else {
      blocks.push({ type: 'line', content: parseInline(line) });
    }
  }
  return blocks;
}

export function parseStyling(body: string): Block[] {
  const lines = body.split(/\r?\n/u);
  if (body.length > MAX_STYLED_CHARS) return lines.map((line) => ({ type: 'line', content: textInlines(line) }));
  return parseLines(lines);
}
