// RFC 6121 §3-4: own presence, every contact's resources, subscription requests and answers.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ContactPresence, PresenceShow, ResourcePresence } from '../../../../shared/model/presence.ts';
import type { OwnPresence, XmppModule } from '../../xmpp/module.ts';
import { el, type Element } from '../../xmpp/stanza.ts';
import { NS_NICK } from '../profile/nick.ts';
import { setPendingIn } from '../roster/roster.ts';
import { buildPresence, buildSubscription } from './presence.build.ts';
import { parsePresence } from './presence.parse.ts';
import { stanzaReason } from '../../../../shared/model/errors.ts';
import type { ErrorReason } from '../../../../shared/model/errors.ts';

const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
/** The server keeps an approval given before the request (RFC 6121 §3.4); ejabberd does not. */
const NS_PRE_APPROVAL = 'urn:xmpp:features:pre-approval';

export interface PresenceApi extends OwnPresence {
  set(show: PresenceShow, status: string, priority: number): Promise<void>;
  /** Automatic away while the user is idle (XEP-0319), on top of the chosen presence; undefined: back. */
  setIdle(idle: { show: 'away' | 'xa'; since: number } | undefined): Promise<void>;
  subscribe(jid: BareJid): Promise<void>;
  /** Approves a pending request, or pre-approves one that has not come yet (RFC 6121 §3.4). */
  approve(jid: BareJid): Promise<void>;
  deny(jid: BareJid): Promise<void>;
  list(): ContactPresence[];
  /** Since when we are automatically away (ms), if we are. */
  idleSince(): number | undefined;
  /** Something every presence of ours carries (an avatar's hash, XEP-0153), made when it is sent. */
  addExtension(make: () => Element | undefined): () => void;
  /** Sends our presence again (what an extension carries changed). */
  announce(): Promise<void>;
  /** Requests the rule accepts (a registered gateway's contacts) are approved and answered in kind. */
  approveAutomatically(rule: (jid: BareJid) => boolean): () => void;
}

export const presence: XmppModule<PresenceApi> = {
  id: 'rfc6121-presence',
  setup(ctx) {
    const { account, xmpp, lifecycle, emit, store, log, disco } = ctx;
    const contacts = new Map<BareJid, Map<string, ResourcePresence>>();
    const unreachable = new Map<BareJid, ErrorReason>();
    /** Approvals given before the request came, kept here where the server would drop them. */
    const approvedAhead = new Set<BareJid>();
    const automaticRules = new Set<(jid: BareJid) => boolean>();
    const extensions = new Set<() => Element | undefined>();
    const withExtensions = (presence: Element): Element => {
      if (presence.attrs.type === 'unavailable') return presence;
      for (const make of extensions) {
        const child = make();
        if (child) presence.append(child);
      }
      return presence;
    };
    const snapshot = (jid: BareJid): ContactPresence => {
      const bounced = unreachable.get(jid);
      return {
        jid,
        resources: [...(contacts.get(jid)?.values() ?? [])].sort((a, b) => b.priority - a.priority),
        ...(bounced ? { unreachable: bounced } : {}),
      };
    };
    const changed = (jid: BareJid): void => emit('presence.changed', { account, presence: snapshot(jid) });

    const offPresence = xmpp.onPresence((stanza) => {
      // Room occupants are the group chat module's (a big room would otherwise look like one contact
      // with thousands of resources, each change re-sending all of them).
      if (stanza.getChild('x', NS_MUC_USER)) return;
      const event = parsePresence(stanza);
      if (!event) {
        log.debug('dropped a malformed presence');
        return;
      }
      switch (event.kind) {
        case 'available': {
          unreachable.delete(event.jid);
          const resources = contacts.get(event.jid) ?? new Map<string, ResourcePresence>();
          resources.set(event.presence.resource, event.presence);
          contacts.set(event.jid, resources);
          changed(event.jid);
          return;
        }
        case 'unavailable':
        case 'error': {
          if (event.kind === 'error') unreachable.set(event.jid, stanzaReason(event.condition));
          const resources = contacts.get(event.jid);
          if (!resources) {
            if (event.kind === 'error') changed(event.jid);
            return;
          }
          if (event.kind === 'unavailable' && event.resource !== undefined) resources.delete(event.resource);
          else resources.clear();
          if (resources.size === 0) contacts.delete(event.jid);
          changed(event.jid);
          return;
        }
        case 'subscribe':
          if (approvedAhead.delete(event.jid)) {
            void xmpp.send(buildSubscription(event.jid, 'subscribed')).catch(() => undefined);
            return;
          }
          if ([...automaticRules].some((rule) => rule(event.jid))) {
            const item = store.roster.get(account, event.jid);
            const asked = item?.pendingOut || item?.subscription === 'to' || item?.subscription === 'both';
            void (async () => {
              await xmpp.send(buildSubscription(event.jid, 'subscribed'));
              if (!asked) await xmpp.send(buildSubscription(event.jid, 'subscribe'));
            })().catch(() => undefined);
            return;
          }
          if (event.nick) store.nicknames.set(account, event.jid, event.nick);
          setPendingIn(ctx, event.jid, true);
          emit('roster.subscriptionRequested', {
            account,
            from: event.jid,
            status: event.status,
            ...(event.nick ? { nick: event.nick } : {}),
          });
          return;
        case 'unsubscribe':
          setPendingIn(ctx, event.jid, false);
          return;
        case 'subscribed':
        case 'unsubscribed':
          // The server pushes the roster change that goes with these.
          return;
      }
    });

    let idle: { show: 'away' | 'xa'; since: number } | undefined;
    const broadcastListeners = new Set<() => void>();
    const own = (): Element | undefined => {
      const row = store.accounts.get(account);
      if (!row) return undefined;
      // Only an available presence the user chose steps aside for automatic away (not DND, not offline).
      const auto = idle && (row.presenceShow === 'online' || row.presenceShow === 'chat') ? idle : undefined;
      return withExtensions(
        buildPresence(auto?.show ?? row.presenceShow, row.presenceStatus, row.priority, disco.caps(), auto?.since),
      );
    };
    const sendOwn = async (): Promise<void> => {
      const presence = own();
      if (!presence) return;
      await xmpp.send(presence);
      for (const listener of broadcastListeners) listener();
    };
    const offOnline = lifecycle.onOnline(sendOwn);
    const offOffline = lifecycle.onOffline(() => {
      const known = [...contacts.keys()];
      contacts.clear();
      for (const jid of known) changed(jid);
    });

    return {
      set: async (show, status, priority) => {
        const row = store.accounts.get(account);
        if (!row) return;
        idle = undefined;
        store.accounts.upsert({ ...row, presenceShow: show, presenceStatus: status, priority });
        if (xmpp.online) await sendOwn();
      },
      setIdle: async (value) => {
        if (idle?.show === value?.show && idle?.since === value?.since) return;
        idle = value;
        if (xmpp.online) await sendOwn();
      },
      subscribe: async (jid) => {
        const nick = store.nicknames.get(account, account);
        const request = buildSubscription(jid, 'subscribe');
        if (nick) request.append(el('nick', NS_NICK, {}, nick));
        await xmpp.send(request);
      },
      approve: async (jid) => {
        if (!store.roster.get(account, jid)?.pendingIn && !xmpp.features.has(NS_PRE_APPROVAL)) approvedAhead.add(jid);
        await xmpp.send(buildSubscription(jid, 'subscribed'));
        setPendingIn(ctx, jid, false);
      },
      deny: async (jid) => {
        await xmpp.send(buildSubscription(jid, 'unsubscribed'));
        setPendingIn(ctx, jid, false);
      },
      list: () => [...new Set([...contacts.keys(), ...unreachable.keys()])].map(snapshot),
      idleSince: () => idle?.since,
      addExtension: (make) => {
        extensions.add(make);
        return () => extensions.delete(make);
      },
      current: () => {
        const presence = own();
        return presence?.attrs.type === 'unavailable' ? undefined : presence;
      },
      onBroadcast: (listener) => {
        broadcastListeners.add(listener);
        return () => broadcastListeners.delete(listener);
      },
      announce: async () => {
        if (xmpp.online) await sendOwn();
      },
      approveAutomatically: (rule) => {
        automaticRules.add(rule);
        return () => automaticRules.delete(rule);
      },
      dispose: () => {
        offPresence();
        offOnline();
        offOffline();
      },
    };
  },
};
