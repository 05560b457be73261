// A gateway to another network (XEP-0100): register with its form (or change what it holds), add a
// contact by their address on that network (jabber:iq:gateway), or leave the gateway.
import { type FormEvent, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { type GatewayPrompt, type GatewayRegistration, gatewayNetwork } from '../../shared/model/gateway.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { askConfirm } from '../components/Confirmation.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { reloadGateways } from '../store/actions.ts';
import { openDialog } from '../store/index.ts';
import { RegistrationFields } from '../setup/RegistrationFields.tsx';
import { StatusNotice } from '../components/StatusNotice.tsx';

const close = (): void => openDialog(undefined);

function AddLegacyContact({ account, jid, prompt }: { account: AccountId; jid: BareJid; prompt: GatewayPrompt }) {
  const t = useT();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<unknown>();
  const add = (event: FormEvent): void => {
    event.preventDefault();
    call('gateway.translate', { account, jid, address: address.trim() }).then(
      (contact) => openDialog({ kind: 'addContact', account, jid: contact }),
      (e: unknown) => setError(e),
    );
  };
  return (
    <form className="dialog-form gateway-add" onSubmit={add} aria-label={t('gateway.addTitle')}>
      <h3>{t('gateway.addTitle')}</h3>
      {prompt.description ? <p className="muted">{prompt.description}</p> : null}
      <label className="field">
        <span>{prompt.prompt || t('gateway.legacyAddress')}</span>
        <input value={address} onChange={(e) => setAddress(e.target.value)} required />
      </label>
      <ErrorText message={error} />
      <div className="actions">
        <button type="submit" disabled={!address.trim()}>
          {t('gateway.add')}
        </button>
      </div>
    </form>
  );
}

export function GatewayDialog({ account, jid, type }: { account: AccountId; jid: BareJid; type?: string }) {
  const t = useT();
  const [form, setForm] = useState<GatewayRegistration>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [prompt, setPrompt] = useState<GatewayPrompt>();
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const load = (): void => {
    call('gateway.form', { account, jid }).then(
      (fetched) => {
        setForm(fetched);
        setValues(Object.fromEntries(fetched.fields.map((f) => [f.name, f.value ?? ''])));
        if (fetched.registered) call('gateway.prompt', { account, jid }).then(setPrompt, () => setPrompt(undefined));
      },
      (e: unknown) => setError(e),
    );
  };
  useEffect(load, [account, jid]);
  const run = async (action: () => Promise<void>, done: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setNotice(done);
      load();
      void reloadGateways(account).catch(() => undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const network = type ? gatewayNetwork(type) : jid;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void run(
      () => call('gateway.register', { account, jid, fields: values }),
      t(form?.registered ? 'gateway.updated' : 'gateway.registered', { network }),
    );
  };
  return (
    <Dialog title={t('gateway.title', { network, jid })} onClose={close} wide>
      {form ? (
        <form className="dialog-form" onSubmit={submit} aria-label={t('gateway.formTitle', { network })}>
          {form.instructions ? <p className="instructions">{form.instructions}</p> : null}
          {form.registered ? <p className="muted">{t('gateway.isRegistered', { network })}</p> : null}
          <RegistrationFields fields={form.fields} values={values} onChange={setValues} ownLabels />
          <StatusNotice text={notice} />
          <ErrorText message={error} />
          <div className="actions">
            {form.registered ? (
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() =>
                  void askConfirm(t('gateway.confirmLeave', { network }), t('gateway.unregister')).then(async (ok) => {
                    if (ok)
                      await run(() => call('gateway.unregister', { account, jid }), t('gateway.left', { network }));
                  })
                }
              >
                {t('gateway.unregister')}
              </button>
            ) : null}
            <button type="submit" className="primary" disabled={busy}>
              {t(form.registered ? 'gateway.update' : 'gateway.register')}
            </button>
          </div>
        </form>
      ) : error ? (
        <ErrorText message={error} />
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {form?.registered && prompt ? <AddLegacyContact account={account} jid={jid} prompt={prompt} /> : null}
    </Dialog>
  );
}
