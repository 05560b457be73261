// Export a chat or everything as plain text or JSON: read from the engine a page at a time with a
// progress bar, then saved as a download (Electron asks where).
import { useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openDialog } from '../store/index.ts';
import { downloadBlob } from '../files/transfers.ts';
import { closing, type ExportFormat, formatChunk } from './exportFormat.ts';

const PAGE = 500;

export function ExportDialog({ account, peer }: { account?: AccountId | undefined; peer?: BareJid | undefined }) {
  const t = useT();
  const [format, setFormat] = useState<ExportFormat>('text');
  const [scope, setScope] = useState<'chat' | 'all'>(peer ? 'chat' : 'all');
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<unknown>();
  const run = async (): Promise<void> => {
    setError(undefined);
    const filter = scope === 'chat' && account && peer ? { account, peer } : {};
    try {
      const total = await call('export.count', filter);
      const parts: string[] = [];
      let previous: ChatMessage | undefined;
      setProgress({ done: 0, total });
      for (let offset = 0; offset < total; offset += PAGE) {
        const page = await call('export.page', { ...filter, offset, limit: PAGE });
        if (page.length === 0) break;
        parts.push(formatChunk(page, format, offset === 0, previous));
        previous = page.at(-1);
        setProgress({ done: Math.min(total, offset + page.length), total });
      }
      parts.push(closing(format, total === 0));
      const base = scope === 'chat' && peer ? peer.replace(/[^\p{L}\p{N}@._-]+/gu, '_') : 'jabberdesk';
      downloadBlob(
        parts,
        `${base}.${format === 'json' ? 'json' : 'txt'}`,
        format === 'json' ? 'application/json' : 'text/plain',
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Dialog title={t('export.title')} onClose={() => openDialog(undefined)}>
      <div className="dialog-form">
        <label className="field">
          <span>{t('export.format')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            <option value="text">{t('export.text')}</option>
            <option value="json">JSON</option>
          </select>
        </label>
        {peer ? (
          <label className="field">
            <span>{t('export.scope')}</span>
            <select value={scope} onChange={(e) => setScope(e.target.value as 'chat' | 'all')}>
              <option value="chat">{t('export.thisChat')}</option>
              <option value="all">{t('export.everything')}</option>
            </select>
          </label>
        ) : null}
        {progress ? (
          <label className="field">
            <span>{t('export.progress', { done: progress.done, total: progress.total })}</span>
            <progress max={progress.total || 1} value={progress.done} />
          </label>
        ) : null}
        <ErrorText message={error} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void run()}>
            {t('export.save')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
