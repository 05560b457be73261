// A message's encryption as the user sees it: a padlock in its footer (OMEMO: which device, how trusted,
// who was left out; OpenPGP: which key, how trusted; legacy: never signed), or, instead of the text, why it
// cannot be read here; and a note on messages from OTR clients.
import type { ChatMessage, EncryptionCode } from '../../shared/model/message.ts';
import { formatPgpFingerprint } from '../../shared/model/openpgp.ts';

type WordedCode = Exclude<EncryptionCode, `otr-${string}`>;
import { useT } from '../i18n/useT.ts';
import { LockIcon } from './LockIcon.tsx';

function markLabel(message: ChatMessage, t: ReturnType<typeof useT>): string {
  const encryption = message.encryption;
  if (!encryption) return '';
  const incoming = message.direction === 'in';
  const trust = t(`omemo.trust.${encryption.trust ?? 'unknown'}`);
  if (encryption.protocol === 'openpgp')
    return incoming
      ? t('openpgp.signedBy', { fingerprint: formatPgpFingerprint(encryption.fingerprint ?? ''), trust })
      : t('openpgp.sentSigned');
  if (encryption.protocol === 'openpgp-legacy') return incoming ? t('openpgp.legacyIn') : t('openpgp.legacySent');
  const skipped = encryption.skipped ?? [];
  const version = t(`omemo.version.${encryption.version ?? 'legacy'}`);
  return incoming
    ? t('omemo.encryptedBy', { version, device: encryption.device ?? '?', trust })
    : [
        t('omemo.encryptedSent', { version }),
        skipped.length > 0
          ? t('omemo.skipped', {
              count: skipped.length,
              devices: skipped.map((s) => `${s.jid} #${s.device}`).join(', '),
            })
          : '',
      ]
        .filter(Boolean)
        .join('. ');
}

export function EncryptionMark({ message }: { message: ChatMessage }) {
  const t = useT();
  const encryption = message.encryption;
  if (!encryption || encryption.error || encryption.protocol === 'otr') return null;
  const skipped = encryption.skipped ?? [];
  const label = markLabel(message, t);
  // Legacy OpenPGP is never signed: shown as unverified whatever the key's trust.
  const unverified =
    message.direction === 'in' && (encryption.trust !== 'verified' || encryption.protocol === 'openpgp-legacy');
  return (
    <span
      className={`encryption-mark protocol-${encryption.protocol}${unverified ? ' unverified' : ''}${skipped.length > 0 ? ' skipped' : ''}`}
      role="img"
      aria-label={label}
      title={label}
    >
      <LockIcon closed size={12} />
      {encryption.protocol === 'omemo' && encryption.version && encryption.version !== 'legacy' ? (
        <span className="omemo-version" aria-hidden="true">
          {encryption.version === 'v2' ? '2' : '1+2'}
        </span>
      ) : null}
    </span>
  );
}

/** A message from a client that speaks OTR: what kind of OTR it was, in words (the text is what was readable). */
export function OtrNote({ message }: { message: ChatMessage }) {
  const t = useT();
  const code = message.encryption?.protocol === 'otr' ? message.encryption.code : undefined;
  if (!code?.startsWith('otr-')) return null;
  return (
    <p className="encryption-problem otr-note" role="note">
      <LockIcon closed={false} size={13} />
      {t(`otr.note.${code as 'otr-data' | 'otr-query' | 'otr-tagged' | 'otr-error'}`)}
    </p>
  );
}

/** Shown instead of the (empty) body of a message that could not be decrypted or encrypted. */
export function EncryptionProblem({ message }: { message: ChatMessage }) {
  const t = useT();
  const encryption = message.encryption;
  if (!encryption?.error || encryption.protocol === 'otr') return null;
  // A code is worded here (in the user's language); the engine's words are the fallback.
  const code = encryption.code;
  const reason = code && !code.startsWith('otr-') ? t(`encryption.code.${code as WordedCode}`) : encryption.error;
  return (
    <p className="encryption-problem" role="note">
      <LockIcon closed={false} size={13} />
      {message.direction === 'in' ? t('omemo.undecryptable', { reason }) : t('omemo.sendFailed', { reason })}
    </p>
  );
}
