// What the system tells the app: xmpp: links from outside (a second start, the OS handler) open here,
// and a network that comes back makes every account check its connection at once.
import { useEffect } from 'react';
import { bridge, call } from '../ipc/client.ts';
import { openXmppUri } from './xmppLinks.ts';

export function useSystemHooks(): void {
  useEffect(() => {
    const off = bridge.on('app.openUri', ({ uri }) => void openXmppUri(uri));
    const online = (): void => void call('client.wake', {}).catch(() => undefined);
    window.addEventListener('online', online);
    return () => {
      off();
      window.removeEventListener('online', online);
    };
  }, []);
}
