// XEP-0402 PEP Native Bookmarks: the rooms we keep, shared with our other devices (their changes
// arrive as PEP notifications), joined at login when marked autojoin. On a server without PEP the
// older private XML storage (XEP-0048 over XEP-0049) keeps them instead.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { Bookmark } from '../../../../shared/model/muc.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { NS_PUBSUB, ownNotification, publishPrivateItem } from '../../xmpp/pep.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';

export const NS_BOOKMARKS = 'urn:xmpp:bookmarks:1';
const NS_PRIVATE = 'jabber:iq:private';
const NS_STORAGE = 'storage:bookmarks';
const NO_PEP = new Set(['service-unavailable', 'feature-not-implemented']);

export interface BookmarksApi {
  list(): Bookmark[];
  set(bookmark: Bookmark): Promise<void>;
  remove(room: BareJid): Promise<void>;
  dispose(): void;
}

function parseItem(item: Element): Bookmark | undefined {
  const room = toBareJid(item.attrs.id ?? '');
  const conference = item.getChild('conference', NS_BOOKMARKS);
  if (!room || !conference) return undefined;
  const password = conference.getChildText('password');
  return {
    room,
    name: conference.attrs.name ?? '',
    nick: conference.getChildText('nick') ?? '',
    autojoin: conference.attrs.autojoin === 'true' || conference.attrs.autojoin === '1',
    ...(password ? { password } : {}),
  };
}

export function setupBookmarks(
  { account, xmpp, lifecycle, emit, disco, store, log }: ModuleContext,
  join: (room: BareJid, nick: string, password?: string) => Promise<unknown>,
): BookmarksApi {
  const bookmarks = new Map<BareJid, Bookmark>();
  let storage: 'pep' | 'private' = 'pep';
  const privateQuery = (...children: Element[]): Element =>
    el('query', NS_PRIVATE, {}, el('storage', NS_STORAGE, {}, ...children));
  const readPrivate = async (): Promise<void> => {
    const answer = await xmpp.iq('get', undefined, privateQuery());
    for (const c of answer.getChild('query', NS_PRIVATE)?.getChild('storage', NS_STORAGE)?.getChildren('conference') ??
      []) {
      const room = toBareJid(c.attrs.jid ?? '');
      const password = c.getChildText('password');
      if (room)
        bookmarks.set(room, {
          room,
          name: c.attrs.name ?? '',
          nick: c.getChildText('nick') ?? '',
          autojoin: c.attrs.autojoin === 'true' || c.attrs.autojoin === '1',
          ...(password ? { password } : {}),
        });
    }
  };
  const writePrivate = async (all: readonly Bookmark[]): Promise<void> => {
    await xmpp.iq(
      'set',
      undefined,
      privateQuery(
        ...all.map((b) =>
          xml(
            'conference',
            { jid: b.room, autojoin: String(b.autojoin), ...(b.name ? { name: b.name } : {}) },
            b.nick ? xml('nick', {}, b.nick) : undefined,
            b.password ? xml('password', {}, b.password) : undefined,
          ),
        ),
      ),
    );
  };
  disco.addFeature(`${NS_BOOKMARKS}+notify`);
  const changed = (): void =>
    emit('bookmarks.changed', {
      account,
      bookmarks: [...bookmarks.values()].sort((a, b) => a.room.localeCompare(b.room)),
    });
  const autojoin = (bookmark: Bookmark): void => {
    if (!bookmark.autojoin || store.rooms.get(account, bookmark.room)) return;
    const nick = bookmark.nick || (account.split('@')[0] ?? 'me');
    join(bookmark.room, nick, bookmark.password).catch((error: unknown) =>
      log.info('autojoin failed', { room: bookmark.room, error: String(error) }),
    );
  };

  const offOnline = lifecycle.onOnline(async () => {
    bookmarks.clear();
    try {
      const answer = await xmpp.iq('get', undefined, el('pubsub', NS_PUBSUB, {}, xml('items', { node: NS_BOOKMARKS })));
      storage = 'pep';
      for (const item of answer.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.getChildren('item') ?? []) {
        const bookmark = parseItem(item);
        if (bookmark) bookmarks.set(bookmark.room, bookmark);
      }
    } catch (error) {
      if (error instanceof StanzaError && NO_PEP.has(error.condition)) {
        storage = 'private';
        await readPrivate().catch((failure: unknown) =>
          log.info('no private bookmarks either', { error: String(failure) }),
        );
      } else log.info('no bookmarks (yet)', { error: String(error) });
    }
    changed();
    for (const bookmark of bookmarks.values()) autojoin(bookmark);
  });

  const offMessage = xmpp.onMessage((stanza) => {
    const items = ownNotification(stanza, NS_BOOKMARKS, xmpp, log);
    if (!items) return;
    for (const item of items.getChildren('item')) {
      const bookmark = parseItem(item);
      if (!bookmark) continue;
      bookmarks.set(bookmark.room, bookmark);
      autojoin(bookmark);
    }
    for (const retract of items.getChildren('retract')) {
      const room = toBareJid(retract.attrs.id ?? '');
      if (room) bookmarks.delete(room);
    }
    changed();
  });

  return {
    list: () => [...bookmarks.values()],
    set: async (bookmark) => {
      if (storage === 'private') {
        await writePrivate([...[...bookmarks.values()].filter((b) => b.room !== bookmark.room), bookmark]);
        bookmarks.set(bookmark.room, bookmark);
        changed();
        return;
      }
      const conference = el(
        'conference',
        NS_BOOKMARKS,
        { autojoin: String(bookmark.autojoin), ...(bookmark.name ? { name: bookmark.name } : {}) },
        bookmark.nick ? xml('nick', {}, bookmark.nick) : undefined,
        bookmark.password ? xml('password', {}, bookmark.password) : undefined,
      );
      await publishPrivateItem(xmpp, NS_BOOKMARKS, xml('item', { id: bookmark.room }, conference));
      bookmarks.set(bookmark.room, bookmark);
      changed();
    },
    remove: async (room) => {
      if (storage === 'private') {
        await writePrivate([...bookmarks.values()].filter((b) => b.room !== room));
        bookmarks.delete(room);
        changed();
        return;
      }
      await xmpp.iq(
        'set',
        undefined,
        el('pubsub', NS_PUBSUB, {}, xml('retract', { node: NS_BOOKMARKS, notify: 'true' }, xml('item', { id: room }))),
      );
      bookmarks.delete(room);
      changed();
    },
    dispose: () => {
      offOnline();
      offMessage();
      disco.removeFeature(`${NS_BOOKMARKS}+notify`);
    },
  };
}
