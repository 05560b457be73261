// Finds the links in plain text that are safe to offer: http(s), xmpp and mailto only.
export interface FoundLink {
  start: number;
  end: number;
  href: string;
}

const CANDIDATE = /\b(?:https?:\/\/|xmpp:|mailto:)[^\s<>"]+/giu;
const TRAILING = /[.,;:!?'"*_~`]+$/u;
const ALLOWED = new Set(['http:', 'https:', 'xmpp:', 'mailto:']);

function trimUnbalancedParen(text: string): string {
  if (!text.endsWith(')')) return text;
  const opens = text.split('(').length - 1;
  const closes = text.split(')').length - 1;
  return closes > opens ? text.slice(0, -1) : text;
}

export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    let raw = match[0];
    for (let previous = ''; previous !== raw;) {
      previous = raw;
      raw = trimUnbalancedParen(raw.replace(TRAILING, ''));
    }
    try {
      const url = new URL(raw);
      if (!ALLOWED.has(url.protocol) || raw.length < url.protocol.length + 2) continue;
      links.push({ start: match.index, end: match.index + raw.length, href: url.href });
    } catch {
      // not a URL after all: stays text
    }
  }
  return links;
}
