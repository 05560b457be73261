// Ad-hoc commands (XEP-0050) of any address: the list, then each stage's form with the actions the
// command offers (back, next, finish), its notes, and cancel; required fields are checked first.
import { type FormEvent, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { DataFormValues } from '../../shared/model/dataForm.ts';
import type { AdhocAction, AdhocCommand, AdhocStage } from '../../shared/model/disco.ts';
import { DataFormView } from '../components/DataFormView.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openDialog } from '../store/index.ts';
import { formProblems } from './formCheck.ts';

const close = (): void => openDialog(undefined);

export function AdhocDialog({ account, jid }: { account: AccountId; jid: string }) {
  const t = useT();
  const [commands, setCommands] = useState<AdhocCommand[]>();
  const [stage, setStage] = useState<AdhocStage>();
  const [values, setValues] = useState<DataFormValues>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('adhoc.list', { account, jid }).then(setCommands, (e: unknown) => setError(e));
  }, [account, jid]);
  const step = async (request: { node: string; sessionId?: string; action?: AdhocAction }): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await call('adhoc.execute', {
        account,
        jid,
        ...request,
        ...(request.sessionId && request.action !== 'cancel' && request.action !== 'prev' ? { values } : {}),
      });
      setStage(next);
      setValues({});
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const act = (action: AdhocAction): void => {
    if (!stage) return;
    if ((action === 'next' || action === 'complete') && stage.form) {
      const [problem] = formProblems(stage.form, values);
      if (problem) {
        setError(t(problem.key, { field: problem.field, value: problem.value ?? '' }));
        return;
      }
    }
    void step({ node: stage.node, sessionId: stage.sessionId, action });
  };
  /** The action Enter takes: the one the command names, else its last (next, then complete). */
  const primary = stage?.defaultAction ?? stage?.actions.at(-1) ?? 'complete';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    act(primary);
  };
  const running = stage?.status === 'executing';
  return (
    <Dialog
      title={stage?.form?.title || t('adhoc.title', { jid })}
      onClose={() => {
        if (running && stage)
          void call('adhoc.execute', {
            account,
            jid,
            node: stage.node,
            sessionId: stage.sessionId,
            action: 'cancel',
          }).catch(() => undefined);
        close();
      }}
      wide
    >
      {!stage ? (
        commands === undefined ? (
          error ? null : (
            <p className="muted">{t('app.loading')}</p>
          )
        ) : commands.length === 0 ? (
          <p className="muted">{t('adhoc.none')}</p>
        ) : (
          <ul className="adhoc-commands" aria-label={t('services.commands')}>
            {commands.map((command) => (
              <li key={command.node}>
                <button type="button" disabled={busy} onClick={() => void step({ node: command.node })}>
                  {command.name}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : (
        <form className="dialog-form" onSubmit={submit} noValidate>
          {stage.notes.map((note, i) => (
            <p
              key={i}
              className={`adhoc-note adhoc-note-${note.type}`}
              role={note.type === 'error' ? 'alert' : 'status'}
            >
              <strong>{t(`adhoc.note.${note.type}`)}:</strong> {note.text}
            </p>
          ))}
          {running && stage.form ? <DataFormView form={stage.form} values={values} onChange={setValues} /> : null}
          {!running ? (
            <p role="status">{t(stage.status === 'canceled' ? 'adhoc.canceled' : 'adhoc.completed')}</p>
          ) : null}
          <ErrorText message={error} />
          <div className="actions">
            {running ? (
              <>
                <button type="button" disabled={busy} onClick={() => act('cancel')}>
                  {t('adhoc.cancel')}
                </button>
                {stage.actions.map((action) => (
                  <button
                    key={action}
                    type={action === primary ? 'submit' : 'button'}
                    className={action === primary ? 'primary' : ''}
                    disabled={busy}
                    onClick={action === primary ? undefined : () => act(action)}
                  >
                    {t(`adhoc.${action}`)}
                  </button>
                ))}
              </>
            ) : (
              <button
                type="button"
                onClick={() => {
                  setStage(undefined);
                  setError(undefined);
                }}
              >
                {t('adhoc.again')}
              </button>
            )}
          </div>
        </form>
      )}
      {!stage ? <ErrorText message={error} /> : null}
    </Dialog>
  );
}
