// Creating a group chat: a title, an address on our conference service, and a preset (private group or
// public channel) — or the server's own form under "Advanced".
import { type FormEvent, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { toBareJid } from '../../shared/model/jid.ts';
import type { RoomPreset } from '../../shared/model/muc.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openChat } from '../store/actions.ts';
import { openDialog } from '../store/index.ts';
import { suggestRoomAddress } from './roomAddress.ts';

type Choice = RoomPreset | 'advanced';
const randomPart = (): string => Math.random().toString(36).slice(2, 10);

export function CreateRoomDialog({ account }: { account: AccountId }) {
  const t = useT();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [edited, setEdited] = useState(false);
  const [service, setService] = useState<string>();
  const [nick, setNick] = useState(account.split('@')[0] ?? '');
  const [choice, setChoice] = useState<Choice>('private');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('muc.discover', { account })
      .then((found) => setService(found.service))
      .catch(() => undefined);
  }, [account]);
  const shown = edited ? address : suggestRoomAddress(name, service, randomPart);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const room = toBareJid(shown.trim());
    if (!room || !room.includes('@')) return setError(t('contact.invalidJid', { jid: shown }));
    setBusy(true);
    try {
      if (choice === 'advanced') {
        const joined = await call('muc.join', { account, room, nick: nick.trim(), configure: true });
        openDialog(undefined);
        await openChat(account, room);
        if (joined.created) openDialog({ kind: 'roomSettings', room });
        return;
      }
      await call('muc.create', { account, room, nick: nick.trim(), name: name.trim(), preset: choice });
      openDialog(undefined);
      await openChat(account, room);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const option = (value: Choice) => (
    <label className="preset">
      <input type="radio" name="preset" checked={choice === value} onChange={() => setChoice(value)} />
      <span>
        <strong>{t(`rooms.preset.${value}`)}</strong>
        <span className="muted">{t(`rooms.preset.${value}.hint`)}</span>
      </span>
    </label>
  );
  return (
    <Dialog title={t('rooms.createTitle')} onClose={() => openDialog(undefined)}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('rooms.title')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('rooms.address')}</span>
          <input
            value={shown}
            placeholder="room@conference.example.org"
            onChange={(e) => {
              setEdited(true);
              setAddress(e.target.value);
            }}
            required
          />
        </label>
        <label className="field">
          <span>{t('rooms.nick')}</span>
          <input value={nick} onChange={(e) => setNick(e.target.value)} required />
        </label>
        <fieldset className="presets">
          <legend>{t('rooms.preset')}</legend>
          {option('private')}
          {option('public')}
          {option('advanced')}
        </fieldset>
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('rooms.creating') : t('rooms.createButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
