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

/** Whether a push says what we already hold for its item (subscription, ask, name, groups). */
function sameAsStored(stored: RosterItem | undefined, change: RosterChange): boolean {
  if (change.kind === 'remove') return stored === undefined;
  const item = change.item;
  return (
    stored !== undefined &&
    stored.name === item.name &&
    stored.subscription === item.subscription &&
    stored.pendingOut === item.pendingOut &&
    stored.approved === item.approved &&
    stored.groups.join('\n') === item.groups.join('\n')
  );
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

    /** Asks for the roster (with the version we hold, if the server versions rosters) and stores the answer. */
    const fetchRoster = async (version: string | undefined): Promise<void> => {
      const result = await xmpp.iq(
        'get',
        undefined,
        el('query', NS_ROSTER, version !== undefined ? { ver: version } : {}),
      );
      const query = result.getChild('query', NS_ROSTER);
      if (!query) {
        // Unchanged, or changed by the pushes that follow (each emits): the stored list is current. (An empty
        // answer to a request without a version says nothing either: what we hold is kept.)
        lastFetch = { items: 0, incremental: true };
        return;
      }
      const parsed = parseRosterQuery(query);
      lastFetch = { items: parsed.changes.length, incremental: false };
      store.roster.replace(
        account,
        parsed.changes.flatMap((c) => (c.kind === 'set' ? [c.item] : [])),
        parsed.version,
      );
      emitRoster(ctx);
    };

    // ejabberd sends a user's roster pushes from more than one process: two changes close together can
    // arrive crossed, the older item last, both with the version read after the newer change. Two pushes
    // of different items under one version cannot both be current: the whole roster is asked for again, one
    // request at a time. (A fetch's version is not compared: Prosody gives an empty roster the version its
    // first change then carries.)
    let lastPushVersion: string | undefined;
    let refetch: Promise<void> | undefined;
    let refetchAgain = false;
    const reconcile = (): void => {
      if (refetch) {
        refetchAgain = true;
        return;
      }
      refetch = (async () => {
        do {
          refetchAgain = false;
          await fetchRoster(xmpp.features.has(NS_ROSTER_VER) ? '' : undefined);
        } while (refetchAgain && xmpp.online);
      })()
        .catch((error: unknown) => log.warn('could not fetch the roster again', { error: String(error) }))
        .finally(() => {
          refetch = undefined;
        });
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
      const jid = change.kind === 'remove' ? change.jid : change.item.jid;
      if (
        version !== undefined &&
        version === lastPushVersion &&
        !sameAsStored(store.roster.get(account, jid), change)
      ) {
        log.debug('two roster pushes crossed: fetching the roster again', { jid });
        reconcile();
        return undefined;
      }
      apply(change);
      if (version !== undefined) store.roster.setVersion(account, version);
      lastPushVersion = version;
      emitRoster(ctx);
      return undefined;
    });

    // Roster versioning (RFC 6121 §2.6): with the version we hold, the server sends nothing when the
    // roster is unchanged, or only the changes as pushes.
    const offOnline = lifecycle.onOnline(() => {
      lastPushVersion = undefined;
      return fetchRoster(xmpp.features.has(NS_ROSTER_VER) ? (store.roster.version(account) ?? '') : undefined);
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
