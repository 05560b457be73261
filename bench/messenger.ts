// The messenger's main window at scale: a chat list of 500 conversations across 3 accounts with a
// 2,000-contact roster, painted after the accounts come online and after a cold start; and switching
// between two open chats.
import type { BareJid } from '../shared/model/jid.ts';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser } from '../e2e/helpers/accounts.ts';
import { storeHistory } from '../e2e/helpers/history.ts';
import { startApp, withAccount } from '../e2e/app/harness.ts';
import { median, report } from './stats.ts';
import { fillRoster, paintedWhen, readyToMeasure } from './ui.ts';

const rowsAtLeast = ({ n }: { n: number }): boolean => document.querySelectorAll('.chat-rows > li').length >= n;

export async function benchChatList(server: ProsodyServer, conversations: number, contacts: number): Promise<void> {
  const users = [await newUser(server, 'lista'), await newUser(server, 'listb'), await newUser(server, 'listc')];
  const [first] = users;
  if (!first) return;
  await fillRoster(server, first, contacts);
  const app = await startApp({
    sidebar: 'chats',
    prepare: async (core) => {
      for (const [a, user] of users.entries()) {
        await withAccount(core, server, user, 'bench');
        await core.commands['account.disconnect']({ account: user.jid });
        for (let i = a; i < conversations; i += users.length)
          storeHistory(core, user.jid, `peer-${i}@elsewhere.localhost` as BareJid, 3);
      }
    },
  });
  const { page, core } = app;
  await page.getByRole('navigation', { name: 'Chats' }).waitFor();
  await readyToMeasure(page);
  const started = Date.now();
  await Promise.all(users.map((u) => core.commands['account.connect']({ account: u.jid })));
  const online = Date.now();
  const painted = await paintedWhen(page, rowsAtLeast, { n: conversations, which: 0 });
  report(`chat list ${conversations} (3 accounts) + ${contacts} contacts: online → painted`, 'ms', painted - online, {
    conversations,
    contacts,
    connectMs: online - started,
  });
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await page.reload();
    loads.push((await paintedWhen(page, rowsAtLeast, { n: conversations, which: 0 })) - t);
  }
  report(
    `chat list ${conversations} + ${contacts} contacts: window opened → painted (median of 5)`,
    'ms',
    median(loads),
    {
      conversations,
      contacts,
    },
  );
  await app.close();
}

export async function benchChatSwitch(server: ProsodyServer, count: number): Promise<void> {
  const user = await newUser(server, 'switcher');
  const peers = ['alpha@elsewhere.localhost', 'beta@elsewhere.localhost'] as BareJid[];
  const app = await startApp({
    sidebar: 'chats',
    prepare: async (core) => {
      await withAccount(core, server, user);
      for (const peer of peers) {
        storeHistory(core, user.jid, peer, count);
        await core.commands['chat.markRead']({ account: user.jid, peer });
      }
    },
  });
  const { page } = app;
  await page
    .getByRole('navigation', { name: 'Chats' })
    .getByRole('button', { name: /^alpha/u })
    .waitFor();
  // Measured inside the page: the click, then every animation frame until the chat is there (the time to
  // the frame that shows it), without the test driver's own round trips.
  const open = (peer: BareJid): Promise<number> =>
    page.evaluate(
      ({ name, n }) =>
        new Promise<number>((resolve) => {
          const button = Array.from(document.querySelectorAll<HTMLButtonElement>('.chat-rows button')).find((b) =>
            b.getAttribute('aria-label')?.startsWith(name),
          );
          const started = performance.now();
          button?.click();
          const check = (): void => {
            const shown =
              document.querySelector('.chat-header')?.textContent?.includes(name) === true &&
              Array.from(document.querySelectorAll('.virtual-row')).some((r) =>
                r.textContent?.includes(`message ${n - 1}`),
              );
            if (shown) resolve(performance.now() - started);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      { name: peer.split('@')[0] ?? '', n: count },
    );
  await open(peers[0] ?? ('' as BareJid));
  await open(peers[1] ?? ('' as BareJid));
  const switches: number[] = [];
  for (let i = 0; i < 10; i++) switches.push(await open(peers[i % 2] ?? ('' as BareJid)));
  report(`chat switch between two open chats of ${count} messages (median of 10)`, 'ms', median(switches), { count });
  await app.close();
}
