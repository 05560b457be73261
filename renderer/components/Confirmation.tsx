// The app's own confirmation and error dialogs (never the browser's native confirm/alert, which block the
// page and cannot be styled, translated or driven like the rest of the UI).
import { useT } from '../i18n/useT.ts';
import { setState, useAppStore } from '../store/index.ts';
import { Dialog } from './Dialog.tsx';

export interface Confirmation {
  message: string;
  /** The label of the button that goes ahead; absent for a notice (OK only). */
  confirmLabel?: string;
  resolve(ok: boolean): void;
}

/** Asks in a dialog; resolves true when the user goes ahead. */
export function askConfirm(message: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => setState({ confirmation: { message, confirmLabel, resolve } }));
}

/** Tells the user something went wrong, in a dialog. */
export function showNotice(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  setState({ confirmation: { message, resolve: () => undefined } });
}

export function ConfirmationDialog() {
  const t = useT();
  const confirmation = useAppStore((s) => s.confirmation);
  if (!confirmation) return null;
  const answer = (ok: boolean): void => {
    setState({ confirmation: undefined });
    confirmation.resolve(ok);
  };
  const notice = confirmation.confirmLabel === undefined;
  return (
    <Dialog title={notice ? t('notice.title') : t('confirm.title')} onClose={() => answer(false)}>
      <div className="dialog-form">
        <p>{confirmation.message}</p>
        <div className="actions">
          {notice ? null : (
            <button type="button" onClick={() => answer(false)}>
              {t('confirm.cancel')}
            </button>
          )}
          <button type="button" className="primary" autoFocus onClick={() => answer(!notice)}>
            {confirmation.confirmLabel ?? t('notice.ok')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
