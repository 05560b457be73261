// An xmpp: link that needs the user: which account should open it (several are set up), or what an
// action the app does not perform is.
import { parseXmppUri } from '../../shared/model/xmppUri.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useT } from '../i18n/useT.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { runXmppAction } from './xmppLinks.ts';

export function XmppUriDialog({ uri, notice }: { uri: string; notice?: string | undefined }) {
  const t = useT();
  const accounts = useAppStore((s) => s.accounts);
  const parsed = parseXmppUri(uri);
  const close = (): void => openDialog(undefined);
  return (
    <Dialog title={t('uri.title')} onClose={close}>
      <div className="dialog-form">
        <p className="uri-text" dir="ltr">
          <code>{uri}</code>
        </p>
        {notice !== undefined || !parsed ? (
          <p role="note">{t('uri.unsupported', { action: notice ?? '' })}</p>
        ) : (
          <>
            <p>{t('uri.pickAccount')}</p>
            <div className="actions uri-accounts">
              {accounts.map((account) => (
                <button
                  key={account.id}
                  type="button"
                  onClick={() => void runXmppAction(account.id, parsed.action).catch(() => undefined)}
                >
                  {account.jid}
                </button>
              ))}
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
