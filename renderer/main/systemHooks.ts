// What the system tells the app and what the app tells the system: xmpp: links from outside open here,
// notifications go out for what arrives while its chat is not in front,
// and a network that comes back makes every account check its connection at once.
import { useEffect } from 'react';
import { bridge, call } from '../ipc/client.ts';
import { openXmppUri } from './xmppLinks.ts';
import { desktopNotificationClicked, notifyMessage, notifyRequest } from '../notify/notifications.ts';
import { desktop } from '../ipc/desktop.ts';

export function useSystemHooks(): void {
  useEffect(() => {
    const offs = [
      bridge.on('app.openUri', ({ uri }) => void openXmppUri(uri)),
      bridge.on('message.added', notifyMessage),
      bridge.on('roster.subscriptionRequested', (e) => notifyRequest(e.account, e.from)),
      bridge.on('muc.invited', (e) => notifyRequest(e.account, e.invitation.from, e.invitation)),
      desktop?.onNotificationClicked(desktopNotificationClicked) ?? (() => undefined),
    ];
    const online = (): void => void call('client.wake', {}).catch(() => undefined);
    window.addEventListener('online', online);
    return () => {
      for (const off of offs) off();
      window.removeEventListener('online', online);
    };
  }, []);
}
