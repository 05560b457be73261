// The text of a message (RFC 6121 §5.2.3): only <body/> in the jabber:client namespace counts, so an
// element of another namespace that happens to be called "body" is never shown as the message. With
// several bodies (one per xml:lang), the one in the stanza's own language is taken, else the first.
import type { Element } from './stanza.ts';

export const NS_CLIENT = 'jabber:client';

const langOf = (element: Element): string | undefined => element.attrs['xml:lang'];

/** The stanza's language: its own xml:lang, or the one it inherits from the stream. */
function stanzaLang(stanza: Element): string | undefined {
  for (let node: Element | null = stanza; node; node = node.parent) {
    const lang = langOf(node);
    if (lang) return lang;
  }
  return undefined;
}

export function bodyOf(stanza: Element): string | undefined {
  // An element built without any namespace (tests, our own outbox) is a client body too.
  const bodies = stanza.getChildElements().filter((c) => c.name === 'body' && (c.getNS() ?? NS_CLIENT) === NS_CLIENT);
  if (bodies.length <= 1) return bodies[0]?.text();
  const own = stanzaLang(stanza);
  const chosen = bodies.find((b) => langOf(b) === undefined || langOf(b) === own) ?? bodies[0];
  return chosen?.text();
}
