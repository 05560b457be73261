// What a message's encryption means for how it is shown: unencrypted messages in an encrypted chat say
// so, a correction refused for arriving in clear says why, a forged-looking retraction keeps the text
// behind a disclosure, and a message from a distrusted device is hidden behind a warning.
import { type ReactNode, useState } from 'react';
import type { ChatMessage } from '../../shared/model/message.ts';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { useAppStore } from '../store/index.ts';
import { StyledText } from '../styling/StyledText.tsx';
import { LockIcon } from './LockIcon.tsx';

/** An open padlock on a message sent in clear in a chat whose encryption is on. */
export function UnencryptedMark({ message }: { message: ChatMessage }) {
  const t = useT();
  const encryptedChat = useAppStore((s) => {
    const key = chatKey(message.account, message.peer);
    const chosen = s.encryption[key]?.effective;
    return chosen ? chosen !== 'none' : s.omemo[key]?.enabled === true;
  });
  const sealed = message.encryption !== undefined && message.encryption.protocol !== 'otr';
  if (sealed || message.retracted || (!encryptedChat && !message.refusedCorrection)) return null;
  const label = t('message.unencrypted');
  return (
    <span className="unencrypted-mark" role="img" aria-label={label} title={label}>
      <LockIcon closed={false} size={12} />
    </span>
  );
}

export function RefusedCorrectionNote({ message }: { message: ChatMessage }) {
  const t = useT();
  if (!message.refusedCorrection) return null;
  return (
    <p className="security-note" role="note">
      {t('message.refusedCorrection')}
    </p>
  );
}

/** A retraction that arrived outside the encryption: the text is hidden, not gone. */
export function RetractedInClear({ message }: { message: ChatMessage }) {
  const t = useT();
  return (
    <div className="retracted-text">
      <p>{t('message.retractedInClear')}</p>
      <details className="security-details">
        <summary>{t('message.showRetractedText')}</summary>
        <StyledText body={message.body} />
      </details>
    </div>
  );
}

/** The text of a message from a device the user distrusts stays behind a warning until asked for. */
export function DistrustedGuard({ message, children }: { message: ChatMessage; children: ReactNode }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  if (message.direction !== 'in' || message.encryption?.trust !== 'distrusted' || shown) return <>{children}</>;
  return (
    <div className="security-warning" role="alert">
      <p>{t('message.distrustedDevice', { device: message.encryption.device ?? '?' })}</p>
      <button type="button" onClick={() => setShown(true)}>
        {t('message.showAnyway')}
      </button>
    </div>
  );
}
