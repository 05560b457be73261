// Joining a room (a taken nick comes back with a suggestion), inviting someone, and invitations received.
import { type FormEvent, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { type BareJid, toBareJid } from '../../shared/model/jid.ts';
import type { RoomInfo } from '../../shared/model/muc.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openChat } from '../store/actions.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { withoutInvitation } from '../store/rooms.ts';

const close = (): void => openDialog(undefined);

function RoomBrowser({ account, onPick }: { account: AccountId; onPick: (room: RoomInfo) => void }) {
  const t = useT();
  const [rooms, setRooms] = useState<RoomInfo[]>();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<unknown>();
  const browse = (): void => {
    call('muc.discover', { account }).then(
      (found) => setRooms(found.rooms),
      (e: unknown) => setError(e),
    );
  };
  if (!rooms)
    return (
      <>
        <button type="button" className="link-button" onClick={browse}>
          {t('rooms.browse')}
        </button>
        <ErrorText message={error} />
      </>
    );
  const needle = query.trim().toLowerCase();
  const shown = rooms.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.jid.includes(needle));
  return (
    <div className="room-browser">
      <input
        type="search"
        aria-label={t('rooms.search')}
        placeholder={t('rooms.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul aria-label={t('rooms.found')}>
        {shown.map((r) => (
          <li key={r.jid}>
            <button type="button" className="link-button" onClick={() => onPick(r)}>
              <strong>{r.name}</strong> <span className="muted">{r.jid}</span>
              {r.occupants !== undefined ? (
                <span className="muted"> · {t('rooms.occupantCount', { count: r.occupants })}</span>
              ) : null}
              {r.passwordProtected ? <span className="muted"> · {t('rooms.locked')}</span> : null}
            </button>
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">{t('rooms.noneFound')}</li> : null}
      </ul>
    </div>
  );
}

export function JoinRoomDialog({
  account,
  room: initialRoom = '',
  password: initialPassword = '',
  nick: initialNick,
}: {
  account: AccountId;
  room?: string;
  password?: string;
  nick?: string | undefined;
}) {
  const t = useT();
  const [room, setRoom] = useState(initialRoom);
  const [nick, setNick] = useState(initialNick ?? account.split('@')[0] ?? '');
  const [password, setPassword] = useState(initialPassword);
  const [configure, setConfigure] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const jid = toBareJid(room.trim());
    if (!jid || !jid.includes('@')) return setError(t('contact.invalidJid', { jid: room }));
    setBusy(true);
    try {
      const joined = await call('muc.join', {
        account,
        room: jid,
        nick: nick.trim(),
        ...(password ? { password } : {}),
        ...(configure ? { configure } : {}),
      });
      setState((s) => ({ invitations: withoutInvitation(s.invitations, jid) }));
      close();
      await openChat(account, jid);
      // A room we just created waits for its settings before anyone else can enter.
      if (joined.created) openDialog({ kind: 'roomSettings', room: jid });
    } catch (failure) {
      setError(failure);
      if (failure instanceof Error && /already in use/.test(failure.message)) setNick(`${nick.trim()}_`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('rooms.joinTitle')} onClose={close}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('rooms.address')}</span>
          <input
            autoFocus
            value={room}
            onChange={(e) => setRoom(e.target.value)}
            placeholder="room@conference.example.org"
            required
          />
        </label>
        <RoomBrowser account={account} onPick={(picked) => setRoom(picked.jid)} />
        <label className="field">
          <span>{t('rooms.nick')}</span>
          <input value={nick} onChange={(e) => setNick(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('rooms.password')}</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={configure} onChange={(e) => setConfigure(e.target.checked)} />
          <span>{t('rooms.configureNew')}</span>
        </label>
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('rooms.joining') : t('rooms.joinButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function InviteDialog({ account, room }: { account: AccountId; room: BareJid }) {
  const t = useT();
  const [jid, setJid] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const target = toBareJid(jid.trim());
    if (!target || !target.includes('@')) return setError(t('contact.invalidJid', { jid }));
    try {
      await call('muc.invite', { account, room, jid: target });
      close();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog title={t('rooms.inviteTitle', { room })} onClose={close}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('rooms.inviteJid')}</span>
          <input autoFocus value={jid} onChange={(e) => setJid(e.target.value)} required />
        </label>
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('rooms.inviteButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function Invitations({ account }: { account: AccountId }) {
  const t = useT();
  const invitations = useAppStore((s) => s.invitations).filter((i) => i.account === account);
  if (invitations.length === 0) return null;
  return (
    <div className="invitations">
      {invitations.map((i) => (
        <div key={i.room} className="banner info" role="alert">
          <span>
            {t('rooms.invited', { from: i.from, room: i.room })}
            {i.reason ? ` — “${i.reason}”` : ''}
          </span>
          <button
            type="button"
            className="primary"
            onClick={() =>
              openDialog({ kind: 'joinRoom', room: i.room, ...(i.password ? { password: i.password } : {}) })
            }
          >
            {t('rooms.acceptInvite')}
          </button>
          <button
            type="button"
            onClick={() => setState((s) => ({ invitations: withoutInvitation(s.invitations, i.room) }))}
          >
            {t('rooms.dismissInvite')}
          </button>
        </div>
      ))}
    </div>
  );
}
