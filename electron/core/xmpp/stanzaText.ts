// Parses a stanza written as text the way it comes off a real stream, so namespaces and xml:lang are
// inherited from the stream's root (for tests, and anything else that holds stanzas as text).
import { type Element, Parser } from '@xmpp/xml';

export function stanzaFromText(stanza: string, lang = 'en'): Element {
  const parser = new Parser();
  let element: Element | undefined;
  parser.on('element', (e: Element) => (element = e));
  parser.write(
    `<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' xml:lang='${lang}'>`,
  );
  parser.write(stanza);
  if (!element) throw new Error('no element');
  return element;
}
