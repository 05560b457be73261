// Who is in the room, by role; a click opens an occupant's card (private message, moderation).
import { memo, useDeferredValue, useMemo, useRef } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { Room } from '../../shared/model/muc.ts';
import { OccupantAvatar } from './OccupantAvatar.tsx';
import { useScrollViewport } from '../components/useScrollViewport.ts';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { openChat } from '../store/actions.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { groupOccupants } from '../store/rooms.ts';

const ROW = 40;
const HEADER = 30;

/** Memoized and virtualized: a busy or huge room re-renders only the rows in view. */
export const OccupantPanel = memo(function OccupantPanel({ account, room }: { account: AccountId; room: Room }) {
  const t = useT();
  const live = useAppStore((s) => s.occupants[chatKey(account, room.jid)]);
  // The list follows the room view in a render of its own that the browser can interrupt: opening a room of
  // thousands paints the room at once, not after sorting and laying out its occupants in the same task.
  const occupants = useDeferredValue(live, undefined);
  const groups = useMemo(() => groupOccupants(occupants), [occupants]);
  const scroller = useRef<HTMLElement>(null);
  const [viewport, onScroll] = useScrollViewport(scroller, 800);
  let y = 0;
  return (
    <aside className="occupants" aria-label={t('rooms.occupants')} ref={scroller} onScroll={onScroll}>
      {groups.map((group) => {
        const start = y + HEADER;
        y = start + group.occupants.length * ROW;
        const first = Math.max(0, Math.min(group.occupants.length, Math.floor((viewport.top - 400 - start) / ROW)));
        const last = Math.max(
          0,
          Math.min(group.occupants.length, Math.ceil((viewport.top + viewport.height + 400 - start) / ROW)),
        );
        return (
          <section key={group.role} aria-label={t(`role.${group.role}`)}>
            <h3>
              {t(`role.${group.role}`)} <span className="muted">{group.occupants.length}</span>
            </h3>
            <ul style={{ height: group.occupants.length * ROW, paddingTop: first * ROW }}>
              {group.occupants.slice(first, last).map((o) => (
                <li key={o.nick} className="occupant">
                  <button
                    type="button"
                    className="occupant-open"
                    aria-label={t('occupant.open', { nick: o.nick })}
                    onClick={() => openDialog({ kind: 'occupant', account, room: room.jid, nick: o.nick })}
                  >
                    <span className="contact-avatar">
                      <OccupantAvatar account={account} room={room.jid} nick={o.nick} size={28} />
                      <PresenceDot show={o.show} />
                    </span>
                    <span className="contact-text">
                      <span className="contact-name">
                        {o.nick}
                        {o.affiliation !== 'none' ? (
                          <span className="affiliation"> {t(`affiliation.${o.affiliation}`)}</span>
                        ) : null}
                      </span>
                      {o.status ? <span className="contact-status">{o.status}</span> : null}
                    </span>
                  </button>
                  {o.nick !== room.nick ? (
                    <button
                      type="button"
                      className="icon-button occupant-pm"
                      aria-label={t('rooms.privateMessage', { nick: o.nick })}
                      title={t('rooms.privateMessage', { nick: o.nick })}
                      onClick={() => void openChat(account, `${room.jid}/${o.nick}` as BareJid)}
                    >
                      ✉
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
});
