// Engines with OMEMO for tests: several devices per account, each waiting until its device is announced.
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { XmppTestServer } from '../server/xmppServer.ts';
import { startEngine, type TestEngine, type TestUser } from './accounts.ts';
import { eventually } from './waitFor.ts';

export interface OmemoEngine extends TestEngine {
  deviceId: number;
  inbox: ChatMessage[];
}

/** One device of `user`: online, its OMEMO device published, and every message that reached it collected. */
export async function omemoDevice(
  server: XmppTestServer,
  user: TestUser,
  resource: string,
  databasePath?: string,
): Promise<OmemoEngine> {
  const engine = await startEngine(server, user, { resource, ...(databasePath ? { databasePath } : {}) });
  const inbox: ChatMessage[] = [];
  // What reached this device: incoming messages and our other devices' copies (its own sends start queued).
  engine.core.events.on('message.added', (m) => {
    if (m.direction === 'in' || m.state !== 'queued') inbox.push(m);
  });
  await engine.core.runtime(user.jid).modules.omemo.ready;
  const own = engine.core.runtime(user.jid).modules.omemo.ownDevice();
  if (!own) throw new Error('no OMEMO device after connecting');
  return { ...engine, deviceId: own.id, inbox };
}

/** Waits until `engine` knows all of `ids` as active devices of `jid`. */
export async function knowsDevices(engine: TestEngine, jid: BareJid, ids: number[]): Promise<void> {
  await eventually(
    async () => {
      const state = await engine.core.commands['omemo.chatState']({
        account: engine.account,
        peer: jid,
        refresh: true,
      });
      const active = new Set(state.devices.filter((d) => d.active && d.jid === jid).map((d) => d.id));
      return ids.every((id) => active.has(id));
    },
    `${engine.account} to know devices ${ids.join(', ')} of ${jid}`,
  );
}

/**
 * A members-only, non-anonymous room (the kind OMEMO works in) created by `owner`, with each of
 * `members` made a member and joined under its nick.
 */
export async function privateRoom(
  owner: TestEngine,
  ownerNick: string,
  members: readonly { engine: TestEngine; nick: string }[],
): Promise<BareJid> {
  const room = `secret-${randomBytes(4).toString('hex')}@conference.localhost` as BareJid;
  await owner.core.commands['muc.join']({ account: owner.account, room, nick: ownerNick, configure: true });
  await owner.core.commands['muc.submitConfig']({
    account: owner.account,
    room,
    values: { 'muc#roomconfig_membersonly': ['1'], 'muc#roomconfig_whois': ['anyone'] },
  });
  for (const { engine } of members)
    await owner.core.commands['muc.setAffiliation']({
      account: owner.account,
      room,
      jid: engine.account,
      affiliation: 'member',
    });
  for (const { engine, nick } of members)
    await engine.core.commands['muc.join']({ account: engine.account, room, nick });
  return room;
}
