// Room settings: the room's picture, its own configuration form, and destroying the room.
import { type FormEvent, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { DataForm, DataFormValues } from '../../shared/model/dataForm.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { DataFormView } from '../components/DataFormView.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openDialog, setState } from '../store/index.ts';
import { askConfirm } from '../components/Confirmation.tsx';
import { AvatarPicker } from '../avatars/AvatarPicker.tsx';

const close = (): void => openDialog(undefined);

export function RoomSettingsDialog({ account, room }: { account: AccountId; room: BareJid }) {
  const t = useT();
  const [form, setForm] = useState<DataForm>();
  const [values, setValues] = useState<DataFormValues>({});
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    call('muc.getConfig', { account, room }).then(setForm, (e: unknown) => setError(e));
  }, [account, room]);
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await call('muc.submitConfig', { account, room, values });
      close();
    } catch (failure) {
      setError(failure);
    }
  };
  const destroy = async (): Promise<void> => {
    if (!(await askConfirm(t('rooms.confirmDestroy', { room }), t('rooms.destroy')))) return;
    try {
      await call('muc.destroy', { account, room });
      await call('muc.leave', { account, room });
      setState({ dialog: undefined, openChat: undefined });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog title={form?.title || t('rooms.settings')} onClose={close} wide>
      <AvatarPicker
        jid={room}
        room
        offline={false}
        save={(image) => call('avatar.setRoom', { account, room, ...(image ? { image } : {}) })}
      />
      <form className="dialog-form" onSubmit={(e) => void save(e)}>
        {form ? (
          <DataFormView form={form} values={values} onChange={setValues} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
        <ErrorText message={error} />
        <div className="actions">
          <button type="button" className="danger" onClick={() => void destroy()}>
            {t('rooms.destroy')}
          </button>
          <button type="submit" className="primary" disabled={!form}>
            {t('contact.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
