// Running a room (XEP-0045 §8–10): roles, affiliations and their lists, destroying; and invitations,
// direct (XEP-0249) and mediated, both ways.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid, toFullJid } from '../../../../shared/model/jid.ts';
import { AFFILIATIONS, type Affiliation, type Role } from '../../../../shared/model/muc.ts';
import type { DataForm, DataFormValues } from '../../../../shared/model/dataForm.ts';
import { buildSubmission, NS_DATA, parseDataForm } from '../../xmpp/dataForm.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, xml } from '../../xmpp/stanza.ts';
import { buildModeration, NS_MUC_ADMIN, NS_MUC_OWNER, NS_MUC_USER, splitOccupant } from './muc.parse.ts';
import { MucError } from './mucErrors.ts';
import { forgetMembers } from './memberCache.ts';

export const NS_CONFERENCE = 'jabber:x:conference';

const ADMIN_ERRORS: Record<string, string> = {
  forbidden: 'You are not allowed to do that in this room (you need to be a moderator).',
  'not-allowed': 'The room does not allow that (an owner cannot be kicked, the last owner cannot leave ownership).',
  'item-not-found': 'There is nobody with that name or address in the room.',
  conflict: "That change conflicts with the room's current state.",
  'not-acceptable': 'The room did not accept that change.',
};

export interface AffiliatedJid {
  jid: BareJid;
  affiliation: Affiliation;
  nick: string | undefined;
}

export interface MucAdminApi {
  setRole(room: BareJid, nick: string, role: Role, reason?: string): Promise<void>;
  setAffiliation(room: BareJid, jid: BareJid, affiliation: Affiliation, reason?: string): Promise<void>;
  affiliations(room: BareJid, affiliation: Affiliation): Promise<AffiliatedJid[]>;
  destroy(room: BareJid, reason?: string): Promise<void>;
  /** The room's configuration form (owners only), rendered generically by the UI. */
  getConfig(room: BareJid): Promise<DataForm>;
  submitConfig(room: BareJid, values: DataFormValues): Promise<void>;
  /** Direct (XEP-0249, to the person) or mediated (through the room, which checks we may invite). */
  invite(room: BareJid, jid: BareJid, reason?: string, mediated?: boolean): Promise<void>;
  /** XEP-0425: a moderator removes someone's message (by the room's archive id) for everyone. */
  moderate(room: BareJid, stanzaId: string, reason?: string): Promise<void>;
}

export const mucAdmin: XmppModule<MucAdminApi> = {
  id: 'xep-0045-admin',
  setup({ account, xmpp, emit, disco }) {
    disco.addFeature(NS_CONFERENCE);
    const admin = async (
      type: 'get' | 'set',
      room: BareJid,
      payload: ReturnType<typeof xml>,
    ): Promise<ReturnType<typeof xml>> => {
      try {
        return await xmpp.iq(type, room, payload);
      } catch (error) {
        if (error instanceof StanzaError)
          throw new MucError(
            error.condition,
            ADMIN_ERRORS[error.condition] ??
              `The room refused (${error.condition})${error.text ? `: ${error.text}` : ''}.`,
          );
        throw error;
      }
    };
    const reasonOf = (reason?: string) => (reason ? xml('reason', {}, reason) : undefined);

    const offMessage = xmpp.onMessage((stanza) => {
      // Direct invitation (XEP-0249): from a contact's client; mediated: through the room, which names the inviter.
      // A room forwarding a mediated invitation may add a jabber:x:conference copy: the mediated one wins.
      const mediated = stanza.getChild('x', NS_MUC_USER)?.getChild('invite');
      const direct = mediated ? undefined : stanza.getChild('x', NS_CONFERENCE);
      const room = toBareJid((direct ? direct.attrs.jid : mediated ? stanza.attrs.from : '') ?? '');
      // A semi-anonymous room names the inviter by occupant JID (room/nick): shown as it is.
      const fromRaw = (direct ? stanza.attrs.from : mediated?.attrs.from) ?? '';
      const from = (
        toBareJid(fromRaw) === toBareJid(stanza.attrs.from ?? '') && mediated
          ? (toFullJid(fromRaw) ?? toBareJid(fromRaw))
          : toBareJid(fromRaw)
      ) as BareJid | undefined;
      if (!room || !from || room.includes('/') || (splitOccupant(stanza.attrs.from) && mediated)) return;
      const reason = (direct ? direct.attrs.reason : mediated?.getChildText('reason')) ?? '';
      const password = direct
        ? direct.attrs.password
        : (stanza.getChild('x', NS_MUC_USER)?.getChildText('password') ?? undefined);
      emit('muc.invited', { account, invitation: { room, from, reason, ...(password ? { password } : {}) } });
    });

    return {
      setRole: async (room, nick, role, reason) => {
        await admin('set', room, el('query', NS_MUC_ADMIN, {}, xml('item', { nick, role }, reasonOf(reason))));
      },
      setAffiliation: async (room, jid, affiliation, reason) => {
        await admin('set', room, el('query', NS_MUC_ADMIN, {}, xml('item', { jid, affiliation }, reasonOf(reason))));
        forgetMembers(xmpp, room);
      },
      affiliations: async (room, affiliation) => {
        const answer = await admin('get', room, el('query', NS_MUC_ADMIN, {}, xml('item', { affiliation })));
        return (answer.getChild('query', NS_MUC_ADMIN)?.getChildren('item') ?? []).flatMap((item) => {
          const jid = toBareJid(item.attrs.jid ?? '');
          const value = (AFFILIATIONS as readonly string[]).includes(item.attrs.affiliation ?? '')
            ? (item.attrs.affiliation as Affiliation)
            : affiliation;
          return jid ? [{ jid, affiliation: value, nick: item.attrs.nick }] : [];
        });
      },
      destroy: async (room, reason) => {
        await admin('set', room, el('query', NS_MUC_OWNER, {}, xml('destroy', {}, reasonOf(reason))));
      },
      getConfig: async (room) => {
        const answer = await admin('get', room, el('query', NS_MUC_OWNER));
        const form = parseDataForm(answer.getChild('query', NS_MUC_OWNER)?.getChild('x', NS_DATA));
        if (!form) throw new MucError('bad-request', 'The room sent no configuration form.');
        return form;
      },
      submitConfig: async (room, values) => {
        const answer = await admin('get', room, el('query', NS_MUC_OWNER));
        const form = parseDataForm(answer.getChild('query', NS_MUC_OWNER)?.getChild('x', NS_DATA));
        if (!form) throw new MucError('bad-request', 'The room sent no configuration form.');
        await admin('set', room, el('query', NS_MUC_OWNER, {}, buildSubmission(form, values)));
      },
      moderate: async (room, stanzaId, reason) => {
        await admin('set', room, buildModeration(stanzaId, reason));
      },
      invite: async (room, jid, reason, mediated) => {
        if (mediated)
          await xmpp.send(
            xml('message', { to: room }, el('x', NS_MUC_USER, {}, xml('invite', { to: jid }, reasonOf(reason)))),
          );
        else
          await xmpp.send(
            xml('message', { to: jid }, el('x', NS_CONFERENCE, { jid: room, ...(reason ? { reason } : {}) })),
          );
      },
      dispose: () => {
        offMessage();
        disco.removeFeature(NS_CONFERENCE);
      },
    };
  },
};
