import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody({ withoutPep: true });
});
after(async () => {
  await server.stop();
});

test('a server without PEP keeps bookmarks in private storage (XEP-0048), and autojoin still works on a fresh login', async () => {
  const user = await newUser(server, 'oldschool');
  const room = `legacy-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  const first = await startEngine(server, user);
  await first.core.commands['bookmarks.set']({
    account: first.account,
    bookmark: { room, name: 'Legacy', nick: 'Old', autojoin: true },
  });
  assert.deepEqual(
    (await first.core.commands['bookmarks.list']({ account: first.account })).map((b) => b.room),
    [room],
  );
  await first.close();
  const fresh = await startEngine(server, user);
  await eventually(
    () =>
      fresh.core
        .runtime(fresh.account)
        .modules.muc.rooms()
        .some((r) => r.jid === room && r.state.status === 'joined'),
    'autojoin from private storage',
  );
  assert.equal((await fresh.core.commands['bookmarks.list']({ account: fresh.account }))[0]?.name, 'Legacy');
  await fresh.core.commands['bookmarks.remove']({ account: fresh.account, room });
  await fresh.close();
  const again = await startEngine(server, user);
  await eventually(
    async () => (await again.core.commands['bookmarks.list']({ account: again.account })).length === 0,
    'the removal stored',
  );
  await again.close();
});
