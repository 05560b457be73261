// Who is in the room, by role, with moderation actions for moderators.
import { memo, useMemo, useRef } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { Affiliation, Occupant, Role, Room } from '../../shared/model/muc.ts';
import { Avatar } from '../components/Avatar.tsx';
import { useScrollViewport } from '../components/useScrollViewport.ts';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { openChat } from '../store/actions.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { useAppStore } from '../store/index.ts';
import { groupOccupants } from '../store/rooms.ts';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';

function Actions({ account, room, occupant }: { account: AccountId; room: Room; occupant: Occupant }) {
  const t = useT();
  const goAhead = async (confirm: string | undefined): Promise<boolean> =>
    !confirm || askConfirm(confirm, t('confirm.goAhead'));
  const setRole = (role: Role, confirm?: string): void => {
    void goAhead(confirm).then(async (ok) => {
      if (ok) await call('muc.setRole', { account, room: room.jid, nick: occupant.nick, role }).catch(showNotice);
    });
  };
  const setAffiliation = (affiliation: Affiliation, confirm?: string): void => {
    const jid = occupant.jid;
    if (!jid) return;
    void goAhead(confirm).then(async (ok) => {
      if (ok) await call('muc.setAffiliation', { account, room: room.jid, jid, affiliation }).catch(showNotice);
    });
  };
  return (
    <details className="occupant-actions">
      <summary aria-label={t('moderation.actions', { nick: occupant.nick })}>⋯</summary>
      <div className="menu" role="group" aria-label={t('moderation.actions', { nick: occupant.nick })}>
        <button type="button" onClick={() => setRole('none', t('moderation.confirmKick', { nick: occupant.nick }))}>
          {t('moderation.kick')}
        </button>
        {occupant.jid ? (
          <button
            type="button"
            className="danger"
            onClick={() => setAffiliation('outcast', t('moderation.confirmBan', { nick: occupant.nick }))}
          >
            {t('moderation.ban')}
          </button>
        ) : null}
        {occupant.role === 'visitor' ? (
          <button type="button" onClick={() => setRole('participant')}>
            {t('moderation.voice')}
          </button>
        ) : (
          <button type="button" onClick={() => setRole('visitor')}>
            {t('moderation.mute')}
          </button>
        )}
        {occupant.role !== 'moderator' ? (
          <button type="button" onClick={() => setRole('moderator')}>
            {t('moderation.moderator')}
          </button>
        ) : null}
        {occupant.jid && occupant.affiliation === 'none' ? (
          <button type="button" onClick={() => setAffiliation('member')}>
            {t('moderation.member')}
          </button>
        ) : null}
      </div>
    </details>
  );
}

const ROW = 40;
const HEADER = 30;

/** Memoized and virtualized: a busy or huge room re-renders only the rows in view. */
export const OccupantPanel = memo(function OccupantPanel({ account, room }: { account: AccountId; room: Room }) {
  const t = useT();
  const occupants = useAppStore((s) => s.occupants[chatKey(account, room.jid)]);
  const groups = useMemo(() => groupOccupants(occupants), [occupants]);
  const scroller = useRef<HTMLElement>(null);
  const [viewport, onScroll] = useScrollViewport(scroller, 800);
  const moderator = room.role === 'moderator';
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
                  <span className="contact-avatar">
                    <Avatar jid={`${room.jid}/${o.occupantId ?? o.nick}`} name={o.nick} size={28} />
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
                  {moderator && o.nick !== room.nick ? <Actions account={account} room={room} occupant={o} /> : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
});
