// The app's own confirmation and error dialogs (never the browser's native confirm/alert, which block the
// page and cannot be styled, translated or driven like the rest of the UI).
import { type FormEvent, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { setState, useAppStore } from '../store/index.ts';
import { Dialog } from './Dialog.tsx';
import { ErrorText } from './ErrorText.tsx';

export interface Confirmation {
  message: string;
  /** The label of the button that goes ahead; absent for a notice (OK only). */
  confirmLabel?: string;
  /** Asks for a line of text, starting from this value. */
  input?: string;
  /** A notice about an error: what was thrown, worded with its details when shown. */
  error?: unknown;
  resolve(ok: boolean, text?: string): void;
}

/** Asks in a dialog; resolves true when the user goes ahead. */
export function askConfirm(message: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => setState({ confirmation: { message, confirmLabel, resolve } }));
}

/** Asks for a line of text; resolves undefined when the user cancels. */
export function askText(message: string, value: string, confirmLabel: string): Promise<string | undefined> {
  return new Promise((resolve) =>
    setState({
      confirmation: { message, confirmLabel, input: value, resolve: (ok, text) => resolve(ok ? text : undefined) },
    }),
  );
}

/** Tells the user something went wrong, in a dialog. */
export function showNotice(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  setState({ confirmation: { message, error, resolve: () => undefined } });
}

export function ConfirmationDialog() {
  const confirmation = useAppStore((s) => s.confirmation);
  // Keyed by the request, so a text field starts from each request's own value.
  return confirmation ? <ConfirmationBody key={confirmation.message} confirmation={confirmation} /> : null;
}

function ConfirmationBody({ confirmation }: { confirmation: Confirmation }) {
  const t = useT();
  const [text, setText] = useState(confirmation.input ?? '');
  const answer = (ok: boolean): void => {
    setState({ confirmation: undefined });
    confirmation.resolve(ok, text);
  };
  const notice = confirmation.confirmLabel === undefined;
  const asking = confirmation.input !== undefined;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    answer(!notice);
  };
  return (
    <Dialog title={notice ? t('notice.title') : t('confirm.title')} onClose={() => answer(false)}>
      <form className="dialog-form" onSubmit={submit}>
        {asking ? (
          <label className="field">
            <span>{confirmation.message}</span>
            <input autoFocus value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        ) : confirmation.error !== undefined ? (
          <ErrorText message={confirmation.error} />
        ) : (
          <p>{confirmation.message}</p>
        )}
        <div className="actions">
          {notice ? null : (
            <button type="button" onClick={() => answer(false)}>
              {t('confirm.cancel')}
            </button>
          )}
          <button type="submit" className="primary" autoFocus={!asking}>
            {confirmation.confirmLabel ?? t('notice.ok')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
