// The contact list: filter, options, requests, then collapsible groups.
import { useCallback, useMemo, useRef } from 'react';
import type { Account } from '../../shared/model/account.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import { useElementHeight } from '../components/useElementHeight.ts';
import { useScrollViewport } from '../components/useScrollViewport.ts';
import { useT } from '../i18n/useT.ts';
import { openChat } from '../store/actions.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, setState, updateSettings, useAppStore } from '../store/index.ts';
import { toggleGroup } from '../store/settings.ts';
import { ContactRow } from './ContactRow.tsx';
import { RequestList, StrangerList } from './RequestList.tsx';
import {
  buildRosterView,
  type ContactView,
  GATEWAYS_GROUP,
  GROUP_HEADER_PX,
  ROW_PX,
  type RosterSort,
  strangerChats,
  visibleSlice,
} from './rosterView.ts';

const NO_ITEMS: RosterItem[] = [];
export function RosterPanel({ account }: { account: Account }) {
  const t = useT();
  const items = useAppStore((s) => s.roster[account.id] ?? NO_ITEMS);
  // While we are not connected, nobody's last presence is current: everyone shows as offline.
  const connected = account.state.status === 'online';
  const presence = useAppStore((s) => (connected ? s.presence[account.id] : undefined));
  const unreadAll = useAppStore((s) => s.unread);
  const filter = useAppStore((s) => s.filter);
  const settings = useAppStore((s) => s.settings);
  const open = useAppStore((s) => s.openChat);
  const unread = useMemo(() => {
    const prefix = `${account.id} `;
    return Object.fromEntries(
      Object.entries(unreadAll)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, n]) => [k.slice(prefix.length), n]),
    );
  }, [unreadAll, account.id]);
  const registered = useAppStore((s) => s.gateways[account.id]);
  const gateways = useMemo(() => new Map((registered ?? []).map((g) => [g.jid, g.type])), [registered]);
  const view = useMemo(
    () =>
      buildRosterView(items, presence ?? {}, unread, {
        filter,
        hideOffline: settings.hideOffline,
        sort: settings.rosterSort,
        gateways,
      }),
    [items, presence, unread, filter, settings.hideOffline, settings.rosterSort, gateways],
  );
  const chats = useAppStore((s) => s.chats);
  const blocked = useAppStore((s) => s.blocked[account.id]);
  const rooms = useAppStore((s) => s.rooms[account.id]);
  const strangers = useMemo(() => {
    const prefix = `${account.id} `;
    const peers = [
      ...Object.keys(unread),
      ...Object.keys(chats)
        .filter((k) => k.startsWith(prefix) && (chats[k]?.messages.length ?? 0) > 0)
        .map((k) => k.slice(prefix.length)),
    ];
    // Rooms and private messages in rooms (room/nick) have their own place.
    return strangerChats(
      items,
      peers.filter((p) => !rooms?.[p] && !p.includes('/')),
      blocked ?? [],
    );
  }, [items, unread, chats, blocked, rooms, account.id]);
  const onOpen = useCallback(
    (contact: ContactView) => {
      void openChat(account.id, contact.jid);
    },
    [account.id],
  );
  const openKey = open ? chatKey(open.account, open.peer) : '';
  const scroller = useRef<HTMLDivElement>(null);
  const requestsBox = useRef<HTMLDivElement>(null);
  const [viewport, onScroll] = useScrollViewport(scroller, 800);
  let y = useElementHeight(requestsBox);

  return (
    <nav className="roster" aria-label={t('roster.label')}>
      <div className="roster-tools">
        <input
          type="search"
          aria-label={t('roster.filter')}
          placeholder={t('roster.filterHint')}
          value={filter}
          onChange={(e) => setState({ filter: e.target.value })}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('roster.add')}
          title={t('roster.add')}
          onClick={() => openDialog({ kind: 'addContact' })}
        >
          +
        </button>
      </div>
      <div className="roster-options">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.hideOffline}
            onChange={(e) => updateSettings({ hideOffline: e.target.checked })}
          />
          <span>{t('roster.hideOffline')}</span>
        </label>
        <select
          aria-label={t('roster.sort')}
          value={settings.rosterSort}
          onChange={(e) => updateSettings({ rosterSort: e.target.value as RosterSort })}
        >
          <option value="presence">{t('roster.sortPresence')}</option>
          <option value="name">{t('roster.sortName')}</option>
        </select>
      </div>
      <div className="roster-scroll" ref={scroller} onScroll={onScroll}>
        <div ref={requestsBox}>
          <RequestList account={account.id} requests={view.requests} />
          <StrangerList account={account.id} strangers={strangers} unread={unread} />
        </div>
        {view.groups.map((group) => {
          const collapsed = settings.collapsedGroups.includes(group.name) && !filter;
          const title = group.name === GATEWAYS_GROUP ? t('roster.gateways') : group.name || t('roster.noGroup');
          const count = collapsed ? 0 : group.contacts.length;
          const { first, last } = visibleSlice(count, y + GROUP_HEADER_PX, viewport.top, viewport.height);
          y += GROUP_HEADER_PX + count * ROW_PX;
          return (
            <section key={group.name} className="group" aria-label={title}>
              <h3>
                <button
                  type="button"
                  className="group-toggle"
                  aria-expanded={!collapsed}
                  onClick={() => updateSettings({ collapsedGroups: toggleGroup(settings.collapsedGroups, group.name) })}
                >
                  <span className="chevron" aria-hidden="true">
                    {collapsed ? '▸' : '▾'}
                  </span>
                  <span className="group-name">{title}</span>
                  <span className="group-count">
                    {t('roster.groupCount', { online: group.online, total: group.total })}
                  </span>
                </button>
              </h3>
              {collapsed ? null : (
                <ul style={{ height: count * ROW_PX, paddingTop: first * ROW_PX }}>
                  {group.contacts.slice(first, last).map((c) => (
                    <ContactRow
                      key={c.jid}
                      contact={c}
                      selected={openKey === chatKey(account.id, c.jid)}
                      onOpen={onOpen}
                    />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        {view.groups.length === 0 ? (
          <p className="muted empty">{filter ? t('roster.noMatch', { filter }) : t('roster.empty')}</p>
        ) : null}
      </div>
    </nav>
  );
}
