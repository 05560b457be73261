// An avatar (ours, or a room's for its owners): pick a picture, choose its square (zoom, move), and publish it scaled to 192 px as PNG
// (WebP when that is much smaller); or remove it. The picture is drawn locally, never sent elsewhere.
import { useEffect, useRef, useState } from 'react';
import { OWN_AVATAR_SIZE } from '../../shared/model/avatar.ts';
import { Avatar } from '../components/Avatar.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { cropRect } from './cropRect.ts';
import { StatusNotice } from '../components/StatusNotice.tsx';

const PREFERRED_BYTES = 48 * 1024;

function toBase64(blob: Blob): Promise<string> {
  return blob.arrayBuffer().then((buffer) => {
    let binary = '';
    const bytes = new Uint8Array(buffer);
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

function encode(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, 0.9));
}

export type AvatarImageUpload = { type: 'image/png' | 'image/webp'; base64: string };

export function AvatarPicker({
  jid,
  offline,
  save,
  room = false,
}: {
  jid: string;
  offline: boolean;
  /** Publishes the picture, or removes the current one with undefined. */
  save: (image: AvatarImageUpload | undefined) => Promise<unknown>;
  /** A room's picture (other labels). */
  room?: boolean;
}) {
  const t = useT();
  const [picture, setPicture] = useState<ImageBitmap>();
  const [zoom, setZoom] = useState(1);
  const [x, setX] = useState(0);
  const [y, setY] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const target = canvas.current;
    const context = target?.getContext('2d');
    if (!picture || !target || !context) return;
    const { sx, sy, side } = cropRect(picture.width, picture.height, zoom, x, y);
    context.clearRect(0, 0, OWN_AVATAR_SIZE, OWN_AVATAR_SIZE);
    context.drawImage(picture, sx, sy, side, side, 0, 0, OWN_AVATAR_SIZE, OWN_AVATAR_SIZE);
  }, [picture, zoom, x, y]);

  const choose = (file: File | undefined): void => {
    setError(undefined);
    setNotice(undefined);
    if (!file) return;
    createImageBitmap(file).then(
      (bitmap) => {
        setPicture(bitmap);
        setZoom(1);
        setX(0);
        setY(0);
      },
      () => setError(t('avatar.notAPicture')),
    );
  };
  const run = async (image: AvatarImageUpload | undefined): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await save(image);
      setPicture(undefined);
      setNotice(t(image ? (room ? 'avatar.roomPublished' : 'avatar.published') : 'avatar.removed'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const publish = async (): Promise<void> => {
    if (!canvas.current) return;
    const png = await encode(canvas.current, 'image/png');
    const webp = png && png.size > PREFERRED_BYTES ? await encode(canvas.current, 'image/webp') : null;
    const chosen = webp && webp.type === 'image/webp' && png && webp.size < png.size ? webp : png;
    if (!chosen) return setError(t('avatar.notAPicture'));
    await run({ type: chosen.type === 'image/webp' ? 'image/webp' : 'image/png', base64: await toBase64(chosen) });
  };
  return (
    <section className="dialog-form avatar-picker" aria-label={t(room ? 'avatar.roomTitle' : 'avatar.title')}>
      <h3>{t(room ? 'avatar.roomTitle' : 'avatar.title')}</h3>
      <div className="avatar-picker-row">
        {picture ? (
          <canvas
            ref={canvas}
            width={OWN_AVATAR_SIZE}
            height={OWN_AVATAR_SIZE}
            className="avatar-crop"
            role="img"
            aria-label={t('avatar.preview')}
          />
        ) : (
          <Avatar jid={jid} name={room ? `#${jid}` : jid} size={96} />
        )}
        <div className="avatar-picker-controls">
          <label className="field">
            <span>{t('avatar.choose')}</span>
            <input
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              disabled={offline || busy}
              onChange={(e) => choose(e.target.files?.[0])}
            />
          </label>
          {picture
            ? (
                [
                  ['avatar.zoom', 1, 4, 0.05, zoom, setZoom],
                  ['avatar.horizontal', -1, 1, 0.02, x, setX],
                  ['avatar.vertical', -1, 1, 0.02, y, setY],
                ] as const
              ).map(([label, min, max, step, value, set]) => (
                <label className="field" key={label}>
                  <span>{t(label)}</span>
                  <input
                    type="range"
                    min={min}
                    max={max}
                    step={step}
                    value={value}
                    onChange={(e) => set(Number(e.target.value))}
                  />
                </label>
              ))
            : null}
        </div>
      </div>
      {offline ? <p className="muted">{t('avatar.offline')}</p> : null}
      <ErrorText message={error} />
      <StatusNotice text={notice} />
      <div className="actions">
        <button type="button" disabled={offline || busy} onClick={() => void run(undefined)}>
          {t(room ? 'avatar.roomRemove' : 'avatar.remove')}
        </button>
        {picture ? (
          <button type="button" className="primary" disabled={offline || busy} onClick={() => void publish()}>
            {t(room ? 'avatar.roomPublish' : 'avatar.publish')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
