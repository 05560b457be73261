// A gateway component as spectrum2 and slidge behave (XEP-0100): a disco identity of category gateway,
// a registration form, a subscription to the user once registered, the legacy contacts suggested by
// roster item exchange (XEP-0144), legacy contacts who answer messages, jabber:iq:gateway, unregistering.
import type { Element } from '@xmpp/xml';
import { type Component, connectComponent } from './component.ts';

const esc = (text: string): string => text.replace(/[<>&'"]/gu, (c) => `&#${c.charCodeAt(0)};`);
const bare = (jid: string): string => jid.split('/')[0] ?? jid;

export interface FakeGateway {
  domain: string;
  /** Who registered, with the legacy login they gave. */
  registrations: Map<string, { login: string; password: string }>;
  /** Messages that reached a legacy contact: [legacy contact, body]. */
  delivered: Array<[string, string]>;
  /** Sends a roster item exchange to a user as the gateway would (or as anyone, with `from`). */
  suggest(to: string, items: Array<{ jid: string; name: string }>, from?: string): void;
  close(): void;
}

export const LEGACY_CONTACTS = [
  { local: 'ada', name: 'Ada (legacy)' },
  { local: 'grace', name: 'Grace (legacy)' },
];

export async function startFakeGateway(port: number, domain: string, secret: string): Promise<FakeGateway> {
  const component: Component = await connectComponent(port, domain, secret);
  const registrations = new Map<string, { login: string; password: string }>();
  const delivered: Array<[string, string]> = [];
  const send = (text: string): void => component.send(text);
  const result = (iq: Element, payload = ''): void =>
    send(
      `<iq type='result' id='${esc(iq.attrs.id ?? '')}' from='${esc(iq.attrs.to ?? domain)}' to='${esc(iq.attrs.from ?? '')}'>${payload}</iq>`,
    );
  const suggest = (to: string, items: Array<{ jid: string; name: string }>, from = domain): void =>
    send(
      `<message from='${esc(from)}' to='${esc(to)}'><x xmlns='http://jabber.org/protocol/rosterx'>${items
        .map((i) => `<item action='add' jid='${esc(i.jid)}' name='${esc(i.name)}'><group>Legacy</group></item>`)
        .join('')}</x></message>`,
    );

  const onIq = (iq: Element): void => {
    const user = bare(iq.attrs.from ?? '');
    const query = iq.getChild('query');
    const ns = query?.attrs.xmlns;
    if (iq.attrs.type === 'get' && ns === 'http://jabber.org/protocol/disco#info' && iq.attrs.to === domain)
      return result(
        iq,
        `<query xmlns='http://jabber.org/protocol/disco#info'><identity category='gateway' type='telegram' name='Legacy Gateway'/><feature var='jabber:iq:register'/><feature var='jabber:iq:gateway'/><feature var='http://jabber.org/protocol/disco#info'/></query>`,
      );
    if (ns === 'jabber:iq:register' && iq.attrs.type === 'get') {
      const known = registrations.get(user);
      return result(
        iq,
        `<query xmlns='jabber:iq:register'>${known ? '<registered/>' : ''}<instructions>Log in with your legacy account.</instructions><x xmlns='jabber:x:data' type='form'><field var='FORM_TYPE' type='hidden'><value>jabber:iq:register</value></field><field var='login' type='text-single' label='Legacy login'><required/>${known ? `<value>${esc(known.login)}</value>` : ''}</field><field var='password' type='text-private' label='Legacy password'><required/></field></x></query>`,
      );
    }
    if (ns === 'jabber:iq:register' && iq.attrs.type === 'set') {
      if (query?.getChild('remove')) {
        registrations.delete(user);
        result(iq);
        send(`<presence type='unsubscribe' from='${domain}' to='${esc(user)}'/>`);
        send(`<presence type='unsubscribed' from='${domain}' to='${esc(user)}'/>`);
        return;
      }
      const value = (name: string): string =>
        query
          ?.getChild('x')
          ?.getChildren('field')
          .find((f) => f.attrs.var === name)
          ?.getChildText('value') ?? '';
      if (!value('login') || !value('password'))
        return send(
          `<iq type='error' id='${esc(iq.attrs.id ?? '')}' from='${domain}' to='${esc(iq.attrs.from ?? '')}'><error type='modify'><not-acceptable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>`,
        );
      registrations.set(user, { login: value('login'), password: value('password') });
      result(iq);
      send(`<presence type='subscribe' from='${domain}' to='${esc(user)}'/>`);
      return;
    }
    if (ns === 'jabber:iq:gateway' && iq.attrs.type === 'get')
      return result(
        iq,
        `<query xmlns='jabber:iq:gateway'><desc>Enter the legacy user name.</desc><prompt>Legacy user name</prompt></query>`,
      );
    if (ns === 'jabber:iq:gateway' && iq.attrs.type === 'set') {
      const name = (query?.getChildText('prompt') ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/gu, '');
      return result(iq, `<query xmlns='jabber:iq:gateway'><jid>${esc(name)}@${domain}</jid></query>`);
    }
    if (iq.attrs.type === 'get' || iq.attrs.type === 'set')
      send(
        `<iq type='error' id='${esc(iq.attrs.id ?? '')}' from='${esc(iq.attrs.to ?? domain)}' to='${esc(iq.attrs.from ?? '')}'><error type='cancel'><service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>`,
      );
  };

  const onPresence = (presence: Element): void => {
    const user = bare(presence.attrs.from ?? '');
    const to = bare(presence.attrs.to ?? '');
    if (!registrations.has(user)) return;
    if (presence.attrs.type === 'subscribe') {
      send(`<presence type='subscribed' from='${esc(to)}' to='${esc(user)}'/>`);
      send(
        `<presence from='${esc(to)}/legacy' to='${esc(user)}'><status>Online on the legacy network</status></presence>`,
      );
    }
    if (presence.attrs.type === 'subscribed' && to === domain)
      suggest(
        user,
        LEGACY_CONTACTS.map((c) => ({ jid: `${c.local}@${domain}`, name: c.name })),
      );
  };

  const onMessage = (message: Element): void => {
    const user = bare(message.attrs.from ?? '');
    const to = bare(message.attrs.to ?? '');
    const body = message.getChildText('body');
    if (!body || !registrations.has(user) || to === domain) return;
    delivered.push([to, body]);
    send(
      `<message type='chat' id='echo-${Date.now().toString(36)}' from='${esc(to)}/legacy' to='${esc(user)}'><body>${esc(`Got it: ${body}`)}</body></message>`,
    );
  };

  component.onStanza((stanza) => {
    if (stanza.name === 'iq') onIq(stanza);
    else if (stanza.name === 'presence') onPresence(stanza);
    else if (stanza.name === 'message') onMessage(stanza);
  });
  return { domain, registrations, delivered, suggest, close: () => component.close() };
}
