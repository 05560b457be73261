// "New chat" with any address: checked as it is typed; a stranger sees our message as a request.
import { type FormEvent, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { type BareJid, toBareJid } from '../../shared/model/jid.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openChat } from '../store/actions.ts';
import { openDialog, useAppStore } from '../store/index.ts';

/** A chat address: a bare JID with a local part (a server alone is not someone to chat with). */
export function chatAddress(text: string): BareJid | undefined {
  const value = text.trim();
  if (!value || value.includes('/')) return undefined;
  const bare = toBareJid(value);
  return bare && bare.includes('@') ? bare : undefined;
}

export function NewChatDialog({ account: preferred }: { account: AccountId }) {
  const t = useT();
  const accounts = useAppStore((s) => s.accounts);
  const [account, setAccount] = useState<AccountId>(preferred);
  const [address, setAddress] = useState('');
  const jid = chatAddress(address);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!jid) return;
    await call('chat.touch', { account, peer: jid }).catch(() => undefined);
    await openChat(account, jid);
  };
  return (
    <Dialog title={t('chatList.newChat')} onClose={() => openDialog(undefined)}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('chatList.address')}</span>
          <input
            autoFocus
            value={address}
            placeholder="friend@example.org"
            aria-invalid={address.trim() !== '' && !jid}
            aria-describedby="new-chat-hint"
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <p id="new-chat-hint" className={address.trim() && !jid ? 'error' : 'muted'} role="status">
          {address.trim() && !jid ? t('contact.invalidJid', { jid: address.trim() }) : t('chatList.addressHint')}
        </p>
        {accounts.length > 1 ? (
          <label className="field">
            <span>{t('chatList.asAccount')}</span>
            <select value={account} onChange={(e) => setAccount(e.target.value as AccountId)}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.jid}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={!jid}>
            {t('chatList.start')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
