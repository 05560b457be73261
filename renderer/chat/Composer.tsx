// Enter sends, Shift+Enter starts a new line; the box grows with its text up to a limit.
import { type KeyboardEvent, useRef, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { sendMessage } from '../store/actions.ts';

export function Composer({ account, peer, peerName }: { account: AccountId; peer: BareJid; peerName: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const box = useRef<HTMLTextAreaElement>(null);

  const send = (): void => {
    const body = text.trim();
    if (!body) return;
    setText('');
    setError(undefined);
    sendMessage(account, peer, text).catch((failure: unknown) => {
      setText(text);
      setError(t('error.generic', { message: failure instanceof Error ? failure.message : String(failure) }));
    });
    box.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const lines = Math.min(8, text.split('\n').length);
  return (
    <form className="composer" onSubmit={(e) => { e.preventDefault(); send(); }}>
      <ErrorText message={error} />
      <div className="composer-row">
        <textarea ref={box} aria-label={t('chat.composer')} placeholder={t('chat.composerHint', { name: peerName })} rows={lines}
          value={text} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} autoFocus />
        <button type="submit" className="primary" disabled={!text.trim()}>{t('chat.send')}</button>
      </div>
    </form>
  );
}
