// A shared file in a message: icon, name, size, and (for images fetched under the policy) a preview.
import { useEffect, useMemo } from 'react';
import { fileKind, fileNameFromUrl, formatBytes, MAX_DOWNLOAD_BYTES } from '../../shared/model/file.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { call, isDesktop } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { autoDownloadLimit, mayRequestUnasked } from './autoDownload.ts';
import { FileIcon } from './FileIcon.tsx';
import { fetchFile, probeFile, saveFile } from './transfers.ts';
import { showNotice } from '../components/Confirmation.tsx';

export function FileCard({ message, url }: { message: ChatMessage; url: string }) {
  const t = useT();
  const name = fileNameFromUrl(url);
  const download = useAppStore((s) => s.downloads[url]);
  // The roster array, not a scan per store change: the scan runs only when the roster changes.
  const roster = useAppStore((s) => s.roster[message.account]);
  const inRoster = useMemo(() => roster?.some((i) => i.jid === message.peer) === true, [roster, message.peer]);
  const joinedRoom = useAppStore((s) => s.rooms[message.account]?.[message.peer]?.state.status === 'joined');
  const settings = useAppStore((s) => s.settings);
  const announced = download?.info?.size;
  const autoLimit = autoDownloadLimit(message, name, { inRoster, joinedRoom }, settings, announced);

  // A stranger learns nothing (our address, when we looked) until the user clicks: no HEAD either.
  const mayAsk = mayRequestUnasked(message, { inRoster, joinedRoom });
  useEffect(() => {
    if (mayAsk) probeFile(message.account, url);
  }, [mayAsk, message.account, url]);
  useEffect(() => {
    if (autoLimit !== undefined && download?.status === 'idle') void fetchFile(message.account, url, autoLimit);
  }, [autoLimit, download?.status, message.account, url]);

  const size = download?.file?.size ?? announced;
  const failed = download?.status === 'failed';
  const running = download?.status === 'downloading';
  const file = download?.file;
  const percent = running && download.total ? Math.round((download.received / download.total) * 100) : undefined;
  return (
    <figure className="file-card" aria-label={t('files.card', { name })}>
      {download?.previewUrl ? (
        <button
          type="button"
          className="file-preview-button"
          aria-label={t('viewer.open', { name })}
          onClick={() => openDialog({ kind: 'image', account: message.account, peer: message.peer, url })}
        >
          <img
            className="file-preview"
            src={download.previewUrl}
            alt={t('files.preview', { name })}
            draggable={false}
          />
        </button>
      ) : null}
      <div className="file-row">
        <FileIcon kind={fileKind(name)} name={name} />
        <figcaption className="file-text">
          <span className="file-name" dir="auto">
            {name}
          </span>
          <span className="muted file-size">
            {size !== undefined ? formatBytes(size) : download?.status === 'probing' ? '…' : t('files.sizeUnknown')}
          </span>
        </figcaption>
        <span className="file-actions">
          {file ? (
            <>
              <button type="button" onClick={() => void saveFile(file)}>
                {t('files.save')}
              </button>
              {isDesktop ? (
                <button
                  type="button"
                  onClick={() =>
                    void call(file.openAs ? 'files.open' : 'files.reveal', { id: file.id }).catch(showNotice)
                  }
                >
                  {file.openAs ? t('files.open') : t('files.showInFolder')}
                </button>
              ) : null}
            </>
          ) : running ? null : (
            <button type="button" onClick={() => void fetchFile(message.account, url, MAX_DOWNLOAD_BYTES)}>
              {t('files.download')}
            </button>
          )}
        </span>
      </div>
      {running ? (
        <progress aria-label={t('files.downloading', { name })} max={100} value={percent ?? undefined} />
      ) : null}
      {failed ? (
        <p className="error-text" role="alert">
          {t('files.downloadFailed', { message: download.error ?? '' })}
        </p>
      ) : null}
    </figure>
  );
}
