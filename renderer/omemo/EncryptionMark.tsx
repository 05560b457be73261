// A message's encryption as the user sees it: a padlock in its footer (which device, how trusted, who
// was left out), or, instead of the text, why it cannot be read here.
import type { ChatMessage } from '../../shared/model/message.ts';
import { useT } from '../i18n/useT.ts';
import { LockIcon } from './LockIcon.tsx';

export function EncryptionMark({ message }: { message: ChatMessage }) {
  const t = useT();
  const encryption = message.encryption;
  if (!encryption || encryption.error) return null;
  const skipped = encryption.skipped ?? [];
  const label =
    message.direction === 'in'
      ? t('omemo.encryptedBy', {
          device: encryption.device ?? '?',
          trust: t(`omemo.trust.${encryption.trust ?? 'unknown'}`),
        })
      : [
          t('omemo.encryptedSent'),
          skipped.length > 0
            ? t('omemo.skipped', {
                count: skipped.length,
                devices: skipped.map((s) => `${s.jid} #${s.device}`).join(', '),
              })
            : '',
        ]
          .filter(Boolean)
          .join('. ');
  const unverified = message.direction === 'in' && encryption.trust !== 'verified';
  return (
    <span
      className={`encryption-mark${unverified ? ' unverified' : ''}${skipped.length > 0 ? ' skipped' : ''}`}
      role="img"
      aria-label={label}
      title={label}
    >
      <LockIcon closed size={12} />
    </span>
  );
}

/** Shown instead of the (empty) body of a message that could not be decrypted or encrypted. */
export function EncryptionProblem({ message }: { message: ChatMessage }) {
  const t = useT();
  const reason = message.encryption?.error;
  if (!reason) return null;
  return (
    <p className="encryption-problem" role="note">
      <LockIcon closed={false} size={13} />
      {message.direction === 'in' ? t('omemo.undecryptable', { reason }) : t('omemo.sendFailed', { reason })}
    </p>
  );
}
