// One occupant up close: who they are in the room, a private message, adding them as a contact, and
// the moderation our own role and affiliation allow, with a reason the room passes on.
import { useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { OccupantAvatar } from './OccupantAvatar.tsx';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openChat } from '../store/actions.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { isRemoval, type OccupantAction, occupantActions } from './occupantPowers.ts';

const close = (): void => openDialog(undefined);

export function OccupantCard({ account, room, nick }: { account: AccountId; room: BareJid; nick: string }) {
  const t = useT();
  const occupant = useAppStore((s) => s.occupants[chatKey(account, room)]?.[nick]);
  const us = useAppStore((s) => s.rooms[account]?.[room]);
  const known = useAppStore((s) => (occupant?.jid ? s.roster[account]?.some((i) => i.jid === occupant.jid) : false));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  if (!occupant || !us) {
    return (
      <Dialog title={nick} onClose={close}>
        <p>{t('occupant.gone', { nick })}</p>
      </Dialog>
    );
  }
  const self = nick === us.nick;
  const actions = self ? [] : occupantActions(us, occupant);
  const run = async (action: OccupantAction): Promise<void> => {
    const label = t(`moderation.${action.label}`);
    const removal = action.label === 'kick' || action.label === 'ban' ? action.label : undefined;
    if (removal && !(await askConfirm(t(`moderation.confirm.${removal}`, { nick }), label))) return;
    const because = reason.trim() ? { reason: reason.trim() } : {};
    try {
      if (action.kind === 'role') await call('muc.setRole', { account, room, nick, role: action.role, ...because });
      else if (occupant.jid)
        await call('muc.setAffiliation', {
          account,
          room,
          jid: occupant.jid,
          affiliation: action.affiliation,
          ...because,
        });
      setDone(t('occupant.done', { action: label }));
    } catch (error) {
      showNotice(error);
    }
  };
  return (
    <Dialog title={nick} onClose={close}>
      <div className="occupant-card">
        <OccupantAvatar account={account} room={room} nick={nick} size={56} />
        <dl>
          <dt>{t('occupant.address')}</dt>
          <dd>{occupant.jid ?? <span className="muted">{t('occupant.hiddenAddress')}</span>}</dd>
          <dt>{t('occupant.role')}</dt>
          <dd>{t(`occupant.roleName.${occupant.role}`)}</dd>
          <dt>{t('occupant.affiliation')}</dt>
          <dd>{t(`occupant.affiliationName.${occupant.affiliation}`)}</dd>
          {occupant.status ? (
            <>
              <dt>{t('occupant.status')}</dt>
              <dd>{occupant.status}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {self ? null : (
        <div className="actions start">
          <button
            type="button"
            onClick={() => {
              close();
              void openChat(account, `${room}/${nick}` as BareJid);
            }}
          >
            {t('rooms.privateMessage', { nick })}
          </button>
          {occupant.jid && !known ? (
            <button
              type="button"
              onClick={() => openDialog({ kind: 'addContact', account, jid: occupant.jid ?? '', name: nick })}
            >
              {t('occupant.addContact')}
            </button>
          ) : null}
        </div>
      )}
      {actions.length > 0 ? (
        <section className="occupant-moderation" aria-label={t('moderation.actions', { nick })}>
          <h3>{t('occupant.moderation')}</h3>
          <label className="field">
            <span>{t('occupant.reason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="actions start">
            {actions.map((action) => (
              <button
                key={action.label}
                type="button"
                className={isRemoval(action) ? 'danger' : undefined}
                onClick={() => void run(action)}
              >
                {t(`moderation.${action.label}`)}
              </button>
            ))}
          </div>
          <p role="status" className="muted">
            {done ?? ''}
          </p>
        </section>
      ) : null}
    </Dialog>
  );
}
