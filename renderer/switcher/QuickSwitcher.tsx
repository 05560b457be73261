// Ctrl+K: type a few letters of a name or JID, arrows to choose, Enter to open the chat.
import { type KeyboardEvent, useMemo, useState } from 'react';
import { roomName } from '../rooms/RoomList.tsx';
import { Avatar } from '../components/Avatar.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { useT } from '../i18n/useT.ts';
import { bestPresence } from '../roster/rosterView.ts';
import { openChat } from '../store/actions.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { switcherMatches } from './switcherMatches.ts';

export function QuickSwitcher() {
  const t = useT();
  const roster = useAppStore((s) => s.roster);
  const rooms = useAppStore((s) => s.rooms);
  const presence = useAppStore((s) => s.presence);
  const chats = useAppStore((s) => s.chats);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const matches = useMemo(() => switcherMatches(roster, Object.keys(chats), query), [roster, chats, query]);
  const choose = (index: number): void => {
    const match = matches[index];
    if (match) void openChat(match.account, match.jid);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setSelected((i) => Math.min(matches.length - 1, i + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((i) => Math.max(0, i - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(selected);
    }
  };
  return (
    <Dialog title={t('switcher.title')} onClose={() => openDialog(undefined)}>
      <div className="switcher" onKeyDown={onKeyDown}>
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls="switcher-results"
          aria-label={t('switcher.search')}
          aria-activedescendant={matches[selected] ? `switch-${selected}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
        />
        <ul id="switcher-results" role="listbox" aria-label={t('switcher.results')}>
          {matches.map((m, i) => (
            <li
              key={`${m.account} ${m.jid}`}
              id={`switch-${i}`}
              role="option"
              aria-selected={i === selected}
              onMouseEnter={() => setSelected(i)}
              onClick={() => choose(i)}
            >
              <Avatar jid={m.jid} name={rooms[m.account]?.[m.jid] ? `#${m.name}` : m.name} size={28} />
              {rooms[m.account]?.[m.jid] ? (
                <span className="switcher-kind" aria-label={t('rooms.label')}>
                  #
                </span>
              ) : (
                <PresenceDot show={bestPresence(presence[m.account]?.[m.jid]).show} />
              )}
              <span className="switcher-name">
                {rooms[m.account]?.[m.jid] ? roomName(rooms[m.account]?.[m.jid] ?? { jid: m.jid, name: '' }) : m.name}
              </span>
              <span className="muted switcher-jid">{m.jid}</span>
            </li>
          ))}
          {matches.length === 0 ? <li className="muted">{t('switcher.none')}</li> : null}
        </ul>
      </div>
    </Dialog>
  );
}
