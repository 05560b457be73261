// RFC 6121 §2 roster management: fetch on login, pushes from our own server only, add/rename/remove.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { RosterItem } from '../../../../shared/model/roster.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { ModuleContext, XmppModule } from '../../xmpp/module.ts';
import { el } from '../../xmpp/stanza.ts';
import { buildRosterRemove, buildRosterSet } from './roster.build.ts';
import { NS_ROSTER, parseRosterQuery, type RosterChange } from './roster.parse.ts';

export const NS_ROSTER_VER = 'urn:xmpp:features:rosterver';

export interface RosterApi {
  list(): RosterItem[];
  /** What the last login's roster request brought: the whole roster, or (versioned) nothing but pushes. */
  readonly lastFetch: { items: number; incremental: boolean };
  set(jid: BareJid, name?: string, groups?: readonly string[]): Promise<void>;
  remove(jid: BareJid): Promise<void>;
}

/** They already see our presence: any request from them is answered. */
const seesUs = (item: RosterItem): boolean => item.subscription === 'from' || item.subscription === 'both';

function emitRoster({ account, emit, store }: ModuleContext): void {
  emit('roster.changed', { account, items: store.roster.list(account) });
}

/** Records that someone asked to see our presence (or that we answered); strangers get an entry too. */
export function setPendingIn(ctx: ModuleContext, jid: BareJid, pending: boolean): void {
  const existing = ctx.store.roster.get(ctx.account, jid);
  if (!existing && !pending) return;
  if (
    existing &&
    !pending &&
    existing.subscription === 'none' &&
    !existing.pendingOut &&
    existing.name === '' &&
    existing.groups.length === 0
  ) {
    ctx.store.roster.remove(ctx.account, jid);
  } else {
    const base: RosterItem = existing ?? {
      jid,
      name: '',
      subscription: 'none',
      pendingOut: false,
      pendingIn: false,
      approved: false,
      groups: [],
    };
    ctx.store.roster.put(ctx.account, { ...base, pendingIn: pending });
  }
  emitRoster(ctx);
}

export const roster: XmppModule<RosterApi> = {
  id: 'rfc6121-roster',
  setup(ctx) {
    const { account, xmpp, lifecycle, store, log } = ctx;
    let lastFetch = { items: 0, incremental: false };
    const apply = (change: RosterChange): void => {
      if (change.kind === 'remove') {
        store.roster.remove(account, change.jid);
        return;
      }
      const asked = store.roster.get(account, change.item.jid)?.pendingIn ?? false;
      store.roster.put(account, { ...change.item, pendingIn: asked && !seesUs(change.item) });
    };

    const offPush = xmpp.onIq('set', NS_ROSTER, 'query', (stanza) => {
      const from = stanza.attrs.from;
      if (!xmpp.isOwnServer(from)) {
        log.warn('ignored a roster push that did not come from our server', { from });
        throw new StanzaError('service-unavailable', 'cancel', '');
      }
      const { changes, version } = parseRosterQuery(stanza.getChild('query', NS_ROSTER));
      const [change] = changes;
      if (changes.length !== 1 || !change)
        throw new StanzaError('bad-request', 'modify', 'a roster push carries exactly one item');
      apply(change);
      if (version !== undefined) store.roster.setVersion(account, version);
      emitRoster(ctx);
      return undefined;
    });

    // Roster versioning (RFC 6121 §2.6): with the version we hold, the server sends nothing when the
    // roster is unchanged, or only the changes as pushes.
    const offOnline = lifecycle.onOnline(async () => {
      const cached = xmpp.features.has(NS_ROSTER_VER) ? store.roster.version(account) : undefined;
      const result = await xmpp.iq(
        'get',
        undefined,
        el('query', NS_ROSTER, xmpp.features.has(NS_ROSTER_VER) ? { ver: cached ?? '' } : {}),
      );
      const query = result.getChild('query', NS_ROSTER);
      if (!query && cached !== undefined) {
        // Unchanged, or changed by the pushes that follow (each emits): the stored list is current.
        lastFetch = { items: 0, incremental: true };
        return;
      }
      const { changes, version } = parseRosterQuery(query);
      lastFetch = { items: changes.length, incremental: false };
      store.roster.replace(
        account,
        changes.flatMap((c) => (c.kind === 'set' ? [c.item] : [])),
        version,
      );
      emitRoster(ctx);
    });

    return {
      list: () => store.roster.list(account),
      get lastFetch() {
        return lastFetch;
      },
      set: async (jid, name, groups) => {
        const current = store.roster.get(account, jid);
        await xmpp.iq('set', undefined, buildRosterSet(jid, name ?? current?.name, groups ?? current?.groups ?? []));
      },
      remove: async (jid) => {
        await xmpp.iq('set', undefined, buildRosterRemove(jid));
      },
      dispose: () => {
        offPush();
        offOnline();
      },
    };
  },
};
