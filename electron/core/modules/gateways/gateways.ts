// XEP-0100 gateways to other networks: registering with one (its jabber:iq:register form), its legacy
// contacts (XEP-0144 suggestions and subscription requests, accepted only from a gateway we registered
// with and only for its own addresses), turning a legacy address into a JID (jabber:iq:gateway), leaving.
import type { Gateway, GatewayPrompt, GatewayRegistration } from '../../../../shared/model/gateway.ts';
import { type BareJid, parseJid, toBareJid } from '../../../../shared/model/jid.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { el, xml } from '../../xmpp/stanza.ts';
import { discoInfo } from '../disco/queries.ts';
import type { PresenceApi } from '../presence/presence.ts';
import {
  NS_REGISTER,
  type ParsedRegistrationForm,
  parseRegistrationForm,
  registrationQuery,
} from '../register/register.parse.ts';
import type { RosterApi } from '../roster/roster.ts';
import { NS_ROSTERX, parseRosterExchange } from './rosterx.parse.ts';

const NS_GATEWAY = 'jabber:iq:gateway';
const MAX_GATEWAYS = 100;

export interface GatewaysApi {
  form(gateway: BareJid): Promise<GatewayRegistration>;
  /** Fills in the form last fetched from this gateway, then subscribes to it (its presence is the login's). */
  register(gateway: BareJid, values: Record<string, string>): Promise<void>;
  /** Cancels the registration and removes the gateway and its contacts from the roster. */
  unregister(gateway: BareJid): Promise<void>;
  /** The gateways we registered with, with their network (disco identity) as it was when we registered. */
  list(): Gateway[];
  prompt(gateway: BareJid): Promise<GatewayPrompt>;
  translate(gateway: BareJid, legacyAddress: string): Promise<BareJid>;
}

export function setupGateways(
  ctx: ModuleContext,
  deps: { roster: RosterApi; presence: PresenceApi },
): GatewaysApi & { dispose(): void } {
  const { account, xmpp, store, log } = ctx;
  const key = `gateways ${account}`;
  const read = (): Gateway[] => {
    try {
      const saved: unknown = JSON.parse(store.meta.get(key) ?? '[]');
      return (Array.isArray(saved) ? (saved as unknown[]) : []).flatMap((entry): Gateway[] => {
        if (typeof entry === 'string') return [{ jid: entry as BareJid, type: '', name: '' }]; // saved before networks
        const g = entry as Partial<Gateway> | null;
        return typeof g?.jid === 'string'
          ? [{ jid: g.jid, type: String(g.type ?? ''), name: String(g.name ?? '') }]
          : [];
      });
    } catch {
      return [];
    }
  };
  const registered = new Map<BareJid, Gateway>(read().map((g) => [g.jid, g]));
  const save = (): void => store.meta.set(key, JSON.stringify([...registered.values()].slice(0, MAX_GATEWAYS)));
  const forms = new Map<BareJid, ParsedRegistrationForm>();
  const gatewayOf = (from: string | undefined): BareJid | undefined => {
    const parts = from ? parseJid(from) : undefined;
    return parts && registered.has(parts.domain as BareJid) ? (parts.domain as BareJid) : undefined;
  };

  const offRules = deps.presence.approveAutomatically((jid) => gatewayOf(jid) !== undefined);
  const offMessages = xmpp.onMessage((stanza) => {
    const x = stanza.getChild('x', NS_ROSTERX);
    if (!x) return;
    const gateway = gatewayOf(stanza.attrs.from);
    if (!gateway || toBareJid(stanza.attrs.from ?? '') !== gateway) {
      log.warn('ignored roster suggestions from an address that is not a registered gateway');
      return;
    }
    void (async () => {
      for (const item of parseRosterExchange(x, gateway)) {
        if (item.action === 'delete') {
          if (store.roster.get(account, item.jid)) await deps.roster.remove(item.jid);
          continue;
        }
        const known = store.roster.get(account, item.jid);
        if (item.action === 'modify' && !known) continue;
        await deps.roster.set(item.jid, item.name ?? known?.name, item.groups.length ? item.groups : known?.groups);
        if (item.action === 'add' && !known) {
          await deps.presence.approve(item.jid);
          await deps.presence.subscribe(item.jid);
        }
      }
    })().catch((error: unknown) => log.warn('a roster suggestion failed', { error: String(error) }));
  });

  return {
    form: async (gateway) => {
      const answer = await xmpp.iq('get', gateway, el('query', NS_REGISTER));
      const form = parseRegistrationForm(answer.getChild('query', NS_REGISTER));
      forms.set(gateway, form);
      return { instructions: form.instructions, fields: form.fields, registered: form.registered };
    },
    register: async (gateway, values) => {
      const form = forms.get(gateway) ?? parseRegistrationForm(undefined);
      await xmpp.iq('set', gateway, registrationQuery(form, values));
      forms.delete(gateway);
      const identity = (await discoInfo(xmpp, gateway).catch(() => undefined))?.identities.find(
        (i) => i.category === 'gateway',
      );
      registered.set(gateway, { jid: gateway, type: identity?.type ?? '', name: identity?.name ?? '' });
      save();
      await deps.presence.approve(gateway);
      await deps.presence.subscribe(gateway);
    },
    unregister: async (gateway) => {
      await xmpp.iq('set', gateway, el('query', NS_REGISTER, {}, xml('remove')));
      registered.delete(gateway);
      save();
      const own = store.roster
        .list(account)
        .filter((item) => item.jid === gateway || parseJid(item.jid)?.domain === gateway);
      for (const item of own) await deps.roster.remove(item.jid);
    },
    list: () => [...registered.values()],
    prompt: async (gateway) => {
      const query = (await xmpp.iq('get', gateway, el('query', NS_GATEWAY))).getChild('query', NS_GATEWAY);
      return { description: query?.getChildText('desc') ?? '', prompt: query?.getChildText('prompt') ?? '' };
    },
    translate: async (gateway, legacyAddress) => {
      const answer = await xmpp.iq('set', gateway, el('query', NS_GATEWAY, {}, xml('prompt', {}, legacyAddress)));
      const query = answer.getChild('query', NS_GATEWAY);
      const jid = toBareJid(query?.getChildText('jid') ?? query?.getChildText('prompt') ?? '');
      if (!jid || parseJid(jid)?.domain !== gateway)
        throw new Error('The gateway answered with no address of its own.');
      return jid;
    },
    dispose: () => {
      offRules();
      offMessages();
    },
  };
}
