// A call on screen: the incoming prompt (Answer / Decline), the ringing and connecting states, and the call
// itself (the other side's video, our preview, mute, camera, devices, duration, quality, hang up).
import { useEffect, useRef, useState } from 'react';
import type { Call } from '../../shared/model/call.ts';
import { call as invoke } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../store/index.ts';
import { Avatar } from '../components/Avatar.tsx';
import { type CallView, useCallStore } from './callStore.ts';
import { peerOf } from './wireCalls.ts';
import { durationText } from './callEntryText.ts';
import { showMainWindow } from './callWindowMode.ts';

function useNow(running: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

/**
 * A connecting call shows its media (our preview, their video) once it is connected, or after this long if it is
 * not yet: building video players and compositing the camera while the connection is set up took the CPU the
 * set-up needs (on a two-core machine the video set-up's median went from 358 to 246 ms without them), and on a
 * quick connection nothing would be seen in that time anyway.
 */
const CONNECTING_MEDIA_MS = 1000;

/** True once `on` has been true for `ms` (false again as soon as it is not). */
function useOnFor(on: boolean, ms: number): boolean {
  const [long, setLong] = useState(false);
  useEffect(() => {
    setLong(false);
    if (!on) return;
    const timer = setTimeout(() => setLong(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return on && long;
}

function Video({
  stream,
  label,
  muted,
  className,
}: {
  stream: MediaStream | undefined;
  label: string;
  muted: boolean;
  className: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== (stream ?? null)) ref.current.srcObject = stream ?? null;
  }, [stream]);
  return <video ref={ref} className={className} aria-label={label} autoPlay playsInline muted={muted} />;
}

/**
 * The machine's microphones, cameras and speakers, asked once the call is connected (not while it is set up:
 * asking goes through the browser process, which the set-up needs) and again when a device comes or goes.
 */
function useMediaDevices(asked: boolean): MediaDeviceInfo[] {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  useEffect(() => {
    if (!asked) return;
    let live = true;
    const read = (): void => {
      void navigator.mediaDevices
        .enumerateDevices()
        .then((all) => live && setDevices(all))
        .catch(() => undefined);
    };
    read();
    navigator.mediaDevices.addEventListener('devicechange', read);
    return () => {
      live = false;
      navigator.mediaDevices.removeEventListener('devicechange', read);
    };
  }, [asked]);
  return devices;
}

function DevicePicker({
  sid,
  kind,
  label,
  devices: all,
}: {
  sid: string;
  kind: 'audioinput' | 'videoinput' | 'audiooutput';
  label: string;
  devices: MediaDeviceInfo[];
}) {
  const devices = all.filter((d) => d.kind === kind);
  if (devices.length < 2) return null;
  const pick = (deviceId: string): void => {
    if (kind === 'audiooutput') {
      for (const media of document.querySelectorAll<HTMLVideoElement>('.call-remote-video'))
        void (media as HTMLVideoElement & { setSinkId?(id: string): Promise<void> }).setSinkId?.(deviceId);
    } else void peerOf(sid)?.useDevice(kind === 'audioinput' ? 'audio' : 'video', deviceId);
  };
  return (
    <label className="call-device">
      {label}
      <select onChange={(e) => pick(e.target.value)}>
        {devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${label} ${i + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CallPanel({ view }: { view: CallView }) {
  const t = useT();
  const { call } = view;
  const name = useAppStore((s) => s.roster[call.account]?.find((i) => i.jid === call.peer)?.name) || call.peer;
  const now = useNow(call.phase === 'active');
  const devices = useMediaDevices(call.phase === 'active');
  const longConnecting = useOnFor(call.phase === 'connecting', CONNECTING_MEDIA_MS);
  const video = call.media.includes('video');
  const act = (name: 'call.accept' | 'call.reject' | 'call.hangup'): void => {
    void invoke(name, { account: call.account, sid: call.sid }).catch(() => undefined);
  };
  const title = phaseTitle(t, call, name);
  return (
    <section
      className={`call-panel call-${call.phase}`}
      aria-label={title}
      data-testid="call-panel"
      data-phase={call.phase}
      data-frames-decoded={view.stats?.framesDecoded ?? 0}
      data-audio-packets={view.stats?.audioPacketsReceived ?? 0}
      data-path={view.stats?.path ?? ''}
    >
      <header className="call-header">
        <Avatar jid={call.peer} name={name} size={40} />
        <div>
          <h2 role={call.phase === 'incoming' ? 'alert' : undefined}>{title}</h2>
          {call.phase === 'active' && call.connectedAt !== undefined ? (
            <span className="muted">{t('call.duration', { time: durationText(now - call.connectedAt) })}</span>
          ) : null}
          {view.quality && call.phase === 'active' ? (
            <span className={`call-quality ${view.quality}`}> · {t(`call.quality.${view.quality}`)}</span>
          ) : null}
          {view.mediaError ? <p className="error">{t('call.mediaError', { error: view.mediaError })}</p> : null}
          {call.phase === 'active' && call.remoteMuted ? (
            <p className="muted">{t('call.remoteMuted', { name })}</p>
          ) : null}
          {call.phase === 'active' && call.remoteHeld ? (
            <p className="muted">{t('call.remoteHeld', { name })}</p>
          ) : null}
          {call.phase === 'active' && view.held ? <p className="muted">{t('call.onHold')}</p> : null}
        </div>
      </header>
      {(call.phase === 'active' || longConnecting) && (
        <div className={`call-media${video ? ' with-video' : ''}`}>
          <Video
            stream={view.remote}
            label={t('call.remoteVideo', { name })}
            muted={false}
            className="call-remote-video"
          />
          {video ? <Video stream={view.local} label={t('call.localVideo')} muted className="call-local-video" /> : null}
        </div>
      )}
      <div className="call-actions">
        {call.phase === 'incoming' ? (
          <>
            <button type="button" className="primary call-answer" onClick={() => act('call.accept')}>
              {t('call.answer')}
            </button>
            <button type="button" className="danger" onClick={() => act('call.reject')}>
              {t('call.decline')}
            </button>
          </>
        ) : call.phase === 'ended' ? null : (
          <>
            {call.phase === 'active' || call.phase === 'connecting' ? (
              <>
                <button type="button" aria-pressed={view.muted} onClick={() => peerOf(call.sid)?.setMuted(!view.muted)}>
                  {view.muted ? t('call.unmute') : t('call.mute')}
                </button>
                <button
                  type="button"
                  aria-pressed={view.held === true}
                  onClick={() => peerOf(call.sid)?.setHeld(!view.held)}
                >
                  {view.held ? t('call.resume') : t('call.hold')}
                </button>
                {video ? (
                  <button
                    type="button"
                    aria-pressed={view.cameraOff}
                    onClick={() => peerOf(call.sid)?.setCameraOff(!view.cameraOff)}
                  >
                    {view.cameraOff ? t('call.cameraOn') : t('call.cameraOff')}
                  </button>
                ) : null}
                <DevicePicker sid={call.sid} kind="audioinput" label={t('call.microphone')} devices={devices} />
                {video ? (
                  <DevicePicker sid={call.sid} kind="videoinput" label={t('call.camera')} devices={devices} />
                ) : null}
                <DevicePicker sid={call.sid} kind="audiooutput" label={t('call.speaker')} devices={devices} />
              </>
            ) : null}
            <button type="button" className="danger" onClick={() => act('call.hangup')}>
              {call.phase === 'active' || call.phase === 'connecting' ? t('call.hangup') : t('call.cancel')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function phaseTitle(t: ReturnType<typeof useT>, call: Call, name: string): string {
  if (call.phase === 'incoming')
    return t(call.media.includes('video') ? 'call.incomingVideo' : 'call.incomingAudio', { name });
  if (call.phase === 'ended') {
    if (call.stranger) return t('call.strangerMissed', { name });
    return call.reason ? t(`call.end.${call.reason}`, { name }) : t('call.phase.ended');
  }
  return t(`call.phase.${call.phase}`, { name });
}

/**
 * Every call not yet gone from the screen, above the main window; or, when the window was closed during a call
 * (`compact`), filling the small window the call then has to itself. It follows the calls' store itself, so a
 * call's changes (several a second while it is set up, its stats every second) re-render only the calls.
 */
export function CallOverlay({ compact }: { compact: boolean }) {
  const t = useT();
  const calls = useCallStore((s) => s.calls);
  const views = Object.values(calls);
  if (views.length === 0) return null;
  return (
    <div className={compact ? 'call-overlay call-window' : 'call-overlay'} role="region" aria-label={t('call.region')}>
      {compact ? (
        <button type="button" className="call-show-app" onClick={showMainWindow}>
          {t('call.showApp')}
        </button>
      ) : null}
      {views.map((view) => (
        <CallPanel key={view.call.sid} view={view} />
      ))}
    </div>
  );
}
