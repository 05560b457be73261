// In a chat's header: mute it for 1 h, 8 h or until unmuted; in a room, also what to be told about.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { useT } from '../i18n/useT.ts';
import { chatKey } from '../store/chats.ts';
import { updateSettings, useAppStore } from '../store/index.ts';
import { isMuted } from '../store/settings.ts';
import type { RoomNotify } from './notifyPolicy.ts';

const HOUR = 3_600_000;

/** Mutes a chat for some hours, until unmuted ('always'), or unmutes it ('off'). */
export function setMute(key: string, choice: number | 'always' | 'off'): void {
  const { [key]: _old, ...rest } = useAppStore.getState().settings.muted;
  updateSettings({
    muted: choice === 'off' ? rest : { ...rest, [key]: choice === 'always' ? 0 : Date.now() + choice * HOUR },
  });
}

export function MuteControl({ account, peer, room = false }: { account: AccountId; peer: BareJid; room?: boolean }) {
  const t = useT();
  const key = chatKey(account, peer);
  const until = useAppStore((s) => s.settings.muted[key]);
  const mode = useAppStore((s) => s.settings.roomNotify[key] ?? 'mentions');
  const muted = isMuted(until, Date.now());
  const current = !muted ? 'on' : until === 0 ? 'always' : 'until';
  return (
    <select
      className="mute-control"
      aria-label={t('mute.label')}
      value={room && !muted ? `room:${mode}` : current}
      onChange={(e) => {
        const value = e.target.value;
        if (value.startsWith('room:')) {
          setMute(key, 'off');
          const roomNotify = { ...useAppStore.getState().settings.roomNotify, [key]: value.slice(5) as RoomNotify };
          updateSettings({ roomNotify });
        } else setMute(key, value === 'on' ? 'off' : value === 'always' ? 'always' : Number(value));
      }}
    >
      {room ? (
        <>
          <option value="room:all">{t('roomNotify.all')}</option>
          <option value="room:mentions">{t('roomNotify.mentions')}</option>
          <option value="room:none">{t('roomNotify.none')}</option>
        </>
      ) : (
        <option value="on">{t('mute.on')}</option>
      )}
      <option value="1">{t('mute.hour')}</option>
      <option value="8">{t('mute.eight')}</option>
      <option value="always">{t('mute.always')}</option>
      {current === 'until' ? (
        <option value="until" disabled>
          {t('mute.until', { time: new Date(until ?? 0).toLocaleTimeString() })}
        </option>
      ) : null}
    </select>
  );
}
