// Profiles and nicknames: ours published as vCard4 over PEP (XEP-0292) with our nickname (XEP-0172),
// a contact's read from their vCard4 or, failing that, their vCard-temp; contacts' nicknames arrive by
// PEP notification and name them where the roster has no name.
import { EMPTY_PROFILE, type Profile } from '../../../../shared/model/profile.ts';
import { type BareJid, toBareJid } from '../../../../shared/model/jid.ts';
import { NS_PUBSUB } from '../../xmpp/pep.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { buildVcard4, NS_VCARD4, parseVcard4, parseVcardTemp } from './vcard.ts';
import { cleanNick, NS_NICK } from './nick.ts';

const NODE_VCARD4 = 'urn:xmpp:vcard4';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const NICK_BURST_MS = 100;

export interface ProfileApi {
  own(): Promise<Profile>;
  setOwn(profile: Profile): Promise<void>;
  of(jid: BareJid): Promise<Profile>;
}

export function setupProfile(ctx: ModuleContext): ProfileApi & { dispose(): void } {
  const { account, xmpp, store, emit, disco } = ctx;
  disco.addFeature(`${NS_NICK}+notify`);

  // A login brings every contact's last nickname at once: the roster is told once for a burst of them.
  let tellTimer: NodeJS.Timeout | undefined;
  const tellRoster = (): void => {
    tellTimer ??= setTimeout(() => {
      tellTimer = undefined;
      emit('roster.changed', { account, items: store.roster.list(account) });
    }, NICK_BURST_MS);
  };
  const setNick = (jid: BareJid, nick: string): void => {
    if ((store.nicknames.get(account, jid) ?? '') === nick) return;
    store.nicknames.set(account, jid, nick);
    tellRoster();
  };
  const offMessage = xmpp.onMessage((stanza) => {
    const items = stanza.getChild('event', NS_PUBSUB_EVENT)?.getChild('items');
    const from = stanza.attrs.from ?? '';
    const jid = toBareJid(from);
    if (items?.attrs.node !== NS_NICK || !jid || jid !== from) return;
    const retracted = items.getChild('retract') !== undefined;
    setNick(jid, retracted ? '' : cleanNick(items.getChild('item')?.getChildText('nick', NS_NICK)));
  });

  const readVcard4 = async (jid: BareJid | undefined): Promise<Profile | undefined> => {
    const answer = await xmpp
      .iq('get', jid, el('pubsub', NS_PUBSUB, {}, xml('items', { node: NODE_VCARD4, max_items: '1' })))
      .catch(() => undefined);
    const item = answer?.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.getChild('item');
    return parseVcard4(item?.getChild('vcard', NS_VCARD4));
  };
  const readVcardTemp = async (jid: BareJid | undefined): Promise<Profile | undefined> => {
    const answer = await xmpp.iq('get', jid, el('vCard', 'vcard-temp')).catch(() => undefined);
    return parseVcardTemp(answer?.getChild('vCard', 'vcard-temp'));
  };
  const read = async (jid: BareJid | undefined): Promise<Profile> =>
    (await readVcard4(jid)) ?? (await readVcardTemp(jid)) ?? { ...EMPTY_PROFILE };
  const publish = (node: string, id: string, payload: Element): Promise<Element> =>
    xmpp.iq('set', undefined, el('pubsub', NS_PUBSUB, {}, xml('publish', { node }, xml('item', { id }, payload))));

  return {
    own: () => read(undefined),
    of: async (jid) => {
      const profile = await read(jid);
      if (profile.nickname) setNick(jid, cleanNick(profile.nickname));
      return profile;
    },
    setOwn: async (profile) => {
      await publish(NODE_VCARD4, 'current', buildVcard4(profile));
      const nick = cleanNick(profile.nickname);
      await publish(NS_NICK, 'current', el('nick', NS_NICK, {}, ...(nick ? [nick] : [])));
      setNick(account, nick);
    },
    dispose: () => {
      clearTimeout(tellTimer);
      offMessage();
      disco.removeFeature(`${NS_NICK}+notify`);
    },
  };
}
