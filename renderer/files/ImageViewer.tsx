// A chat's images at full size: zoom (buttons, + − 0, Ctrl+wheel), previous/next (buttons, ← →), save.
import { type KeyboardEvent, type WheelEvent, useMemo, useRef, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { chatImages, nextZoom } from './imageGallery.ts';
import { saveFile } from './transfers.ts';

export function ImageViewer({ account, peer, url }: { account: AccountId; peer: BareJid; url: string }) {
  const t = useT();
  const messages = useAppStore((s) => s.chats[chatKey(account, peer)]?.messages);
  const downloads = useAppStore((s) => s.downloads);
  const images = useMemo(() => chatImages(messages ?? [], downloads), [messages, downloads]);
  const [current, setCurrent] = useState(url);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [natural, setNatural] = useState<{ width: number; height: number }>();
  const stage = useRef<HTMLDivElement>(null);
  const index = Math.max(
    0,
    images.findIndex((i) => i.url === current),
  );
  const image = images[index];
  const file = image ? downloads[image.url]?.file : undefined;
  const close = (): void => openDialog(undefined);
  if (!image) {
    return (
      <Dialog title={t('viewer.title')} onClose={close}>
        <p>{t('viewer.gone')}</p>
      </Dialog>
    );
  }
  const fitScale = (): number => {
    const box = stage.current;
    if (!box || !natural) return 1;
    return Math.min(1, box.clientWidth / natural.width, box.clientHeight / natural.height);
  };
  const go = (step: 1 | -1): void => {
    const next = images[index + step];
    if (!next) return;
    setCurrent(next.url);
    setZoom('fit');
    setNatural(undefined);
  };
  const zoomBy = (direction: 1 | -1): void => setZoom((z) => nextZoom(z, direction, fitScale()));
  const onKey = (event: KeyboardEvent): void => {
    const keys: Record<string, () => void> = {
      ArrowLeft: () => go(-1),
      ArrowRight: () => go(1),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom('fit'),
    };
    const action = keys[event.key];
    if (!action || event.target instanceof HTMLInputElement) return;
    event.preventDefault();
    action();
  };
  const onWheel = (event: WheelEvent): void => {
    if (!event.ctrlKey) return;
    zoomBy(event.deltaY < 0 ? 1 : -1);
  };
  const style =
    zoom === 'fit' || !natural
      ? { maxWidth: '100%', maxHeight: '100%' }
      : { width: natural.width * zoom, height: natural.height * zoom, maxWidth: 'none', maxHeight: 'none' };
  const percent = Math.round((zoom === 'fit' ? fitScale() : zoom) * 100);
  return (
    <Dialog title={image.name} onClose={close} wide>
      <div className="image-viewer" onKeyDown={onKey} onWheel={onWheel}>
        <div className="image-stage" ref={stage} tabIndex={0} aria-label={t('viewer.stage')}>
          <img
            src={image.previewUrl}
            alt={t('files.preview', { name: image.name })}
            style={style}
            draggable={false}
            onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
          />
        </div>
        <div className="image-tools" role="toolbar" aria-label={t('viewer.tools')}>
          <button type="button" onClick={() => go(-1)} disabled={index === 0} aria-label={t('viewer.previous')}>
            ←
          </button>
          <span className="muted" aria-live="polite">
            {t('viewer.position', { index: index + 1, count: images.length })}
          </span>
          <button
            type="button"
            onClick={() => go(1)}
            disabled={index === images.length - 1}
            aria-label={t('viewer.next')}
          >
            →
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => zoomBy(-1)} aria-label={t('viewer.zoomOut')}>
            −
          </button>
          <output aria-label={t('viewer.zoom')}>{percent} %</output>
          <button type="button" onClick={() => zoomBy(1)} aria-label={t('viewer.zoomIn')}>
            +
          </button>
          <button type="button" onClick={() => setZoom(zoom === 'fit' ? 1 : 'fit')}>
            {zoom === 'fit' ? t('viewer.actualSize') : t('viewer.fit')}
          </button>
          {file ? (
            <button type="button" onClick={() => void saveFile(file)}>
              {t('files.save')}
            </button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
