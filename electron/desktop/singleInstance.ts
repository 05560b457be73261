// One JabberDesk per user (a second copy on the same database would corrupt it): a second start hands
// its xmpp: link to the first and focuses it. Also where the system's xmpp: links arrive (RFC 5122).
import type { App } from 'electron';

export type AppLike = Pick<App, 'requestSingleInstanceLock' | 'setAsDefaultProtocolClient' | 'quit'> & {
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'open-url', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
};

export const xmppUriIn = (argv: readonly string[]): string | undefined =>
  argv.find((arg) => /^xmpp:/iu.test(arg) && arg.length <= 4096);

/**
 * Returns false when another instance runs (this one quits); else routes links from a second start
 * (argv) and from macOS (open-url) to `openUri`, after bringing the window to the front.
 */
export function claimSingleInstance(
  app: AppLike,
  argv: readonly string[],
  focus: () => void,
  openUri: (uri: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.setAsDefaultProtocolClient('xmpp');
  app.on('second-instance', (_event, secondArgv) => {
    focus();
    const uri = xmppUriIn(secondArgv);
    if (uri) openUri(uri);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    focus();
    if (xmppUriIn([url])) openUri(url);
  });
  const first = xmppUriIn(argv);
  if (first) openUri(first);
  return true;
}
