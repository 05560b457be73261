// An incoming call as a system notification with Answer and Decline (the desktop app's notifications; the
// web mode shows the in-app prompt only), taken away once the call stops ringing here.
import type { Call } from '../../shared/model/call.ts';
import { call } from '../ipc/client.ts';
import { desktop } from '../ipc/desktop.ts';
import { translator } from '../i18n/translate.ts';
import { getState } from '../store/index.ts';

const TAG = 'call-';
const shown = new Set<string>();

export function notifyCall(c: Call): void {
  if (!desktop) return;
  const tag = `${TAG}${c.sid}`;
  if (c.phase === 'incoming' && !shown.has(tag)) {
    const { settings, roster } = getState();
    const t = translator(settings.language);
    const name = roster[c.account]?.find((i) => i.jid === c.peer)?.name || c.peer;
    shown.add(tag);
    void desktop
      .notify({
        tag,
        title: t(c.media.includes('video') ? 'call.incomingVideo' : 'call.incomingAudio', { name }),
        body: c.peer,
        actions: [
          { id: 'answer', label: t('call.answer') },
          { id: 'decline', label: t('call.decline') },
        ],
        urgent: true,
      })
      .catch(() => undefined);
  } else if (c.phase !== 'incoming' && shown.delete(tag)) void desktop.closeNotification(tag).catch(() => undefined);
}

/** Answer and Decline from the notification act on the call it announced. */
export function wireCallNotificationActions(account: (sid: string) => Call['account'] | undefined): () => void {
  if (!desktop) return () => undefined;
  return desktop.onNotificationAction((tag, action) => {
    if (!tag.startsWith(TAG)) return;
    const sid = tag.slice(TAG.length);
    const owner = account(sid);
    shown.delete(tag);
    if (!owner) return;
    if (action === 'answer') void call('call.accept', { account: owner, sid }).catch(() => undefined);
    else if (action === 'decline') void call('call.reject', { account: owner, sid }).catch(() => undefined);
  });
}
