// The files on their way into this chat, each with its progress, cancel and (after a failure) retry.
import { formatBytes } from '../../shared/model/file.ts';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { useAppStore } from '../store/index.ts';
import { cancelUpload, retryUpload } from './transfers.ts';

export function UploadList({ account, peer }: { account: AccountId; peer: BareJid }) {
  const t = useT();
  const uploads = useAppStore((s) => s.uploads[chatKey(account, peer)]);
  if (!uploads?.length) return null;
  return (
    <ul className="upload-list" aria-label={t('files.uploads')}>
      {uploads.map((u) => (
        <li key={u.id} className={`upload upload-${u.status}`}>
          <span className="file-name" dir="auto">
            {u.name}
          </span>
          {u.status === 'failed' ? (
            <span className="error-text" role="alert">
              {t('files.failed', { name: u.name, message: u.error ?? '' })}
            </span>
          ) : (
            <>
              <progress aria-label={u.name} max={Math.max(u.size, 1)} value={u.sent} />
              <span className="muted">
                {t('files.progress', { sent: formatBytes(u.sent), total: formatBytes(u.size) })}
              </span>
            </>
          )}
          {u.status === 'failed' && !u.final ? (
            <button
              type="button"
              aria-label={t('files.retry', { name: u.name })}
              title={t('files.retry', { name: u.name })}
              onClick={() => retryUpload(u.id)}
            >
              ↻
            </button>
          ) : null}
          <button
            type="button"
            aria-label={t('files.cancel', { name: u.name })}
            title={t('files.cancel', { name: u.name })}
            onClick={() => cancelUpload(account, peer, u.id)}
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
