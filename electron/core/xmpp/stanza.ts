// Element helpers: builders and lookups that return undefined rather than throw on hostile input.
import xml, { type Element } from '@xmpp/xml';

export { xml };
export type { Element };

export const NS_CLIENT = 'jabber:client';

export function el(
  name: string,
  ns: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: Array<Element | string | undefined>
): Element {
  return xml(name, { xmlns: ns, ...attrs }, ...children);
}

export function child(parent: Element | undefined, name: string, ns?: string): Element | undefined {
  return parent?.getChild(name, ns) ?? undefined;
}

export function childText(parent: Element | undefined, name: string, ns?: string): string | undefined {
  const found = child(parent, name, ns);
  return found ? found.text() : undefined;
}

export function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.attrs[name];
  return typeof value === 'string' ? value : undefined;
}
