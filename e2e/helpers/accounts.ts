// Fresh accounts (in-band registration on the private Prosody) and engines logged in to them.
import { randomBytes } from 'node:crypto';
import type { Client } from '@xmpp/client-core';
import xml from '@xmpp/xml';
import type { AccountId } from '../../shared/model/account.ts';
import { Core, type CoreOptions, createMemorySecretStore } from '../../electron/core/index.ts';
import { registerAccount } from '../../electron/core/modules/register/register.ts';
import { createStream, startStream } from '../../electron/core/net/stream.ts';
import type { XmppTestServer } from '../server/xmppServer.ts';
import { ADMIN_USERNAME } from '../server/config.ts';

export interface TestUser {
  username: string;
  password: string;
  jid: AccountId;
}

export function endpointOf(server: XmppTestServer, pinned = true) {
  return {
    domain: server.domain,
    host: server.host,
    port: server.ports.c2s,
    tls: 'starttls' as const,
    pinnedFingerprint: pinned ? server.fingerprint : undefined,
  };
}

export async function newUser(server: XmppTestServer, prefix = 'user'): Promise<TestUser> {
  const username = `${prefix}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const jid = await registerAccount(endpointOf(server), username, password, {});
  return { username, password, jid };
}

const admins = new WeakMap<XmppTestServer, TestUser>();

/** The server's admin account (registered on first use; every test server makes this name its admin). */
export async function adminUser(server: XmppTestServer): Promise<TestUser> {
  const known = admins.get(server);
  if (known) return known;
  const password = randomBytes(12).toString('base64url');
  const jid = await registerAccount(endpointOf(server), ADMIN_USERNAME, password, {});
  const admin = { username: ADMIN_USERNAME, password, jid };
  admins.set(server, admin);
  return admin;
}

export interface TestEngine {
  core: Core;
  account: AccountId;
  close(): Promise<void>;
}

/** An engine with one account set up (pinned to the test server's certificate unless told otherwise). */
export async function startEngine(
  server: XmppTestServer,
  user: TestUser,
  options: {
    pin?: boolean;
    connect?: boolean;
    resource?: string;
    databasePath?: string;
    core?: Partial<CoreOptions>;
  } = {},
): Promise<TestEngine> {
  const core = new Core({
    databasePath: options.databasePath ?? ':memory:',
    secrets: createMemorySecretStore(),
    backoff: { baseMs: 100, maxMs: 1000 },
    ...options.core,
  });
  await core.commands['account.add']({
    jid: user.jid,
    password: user.password,
    host: server.host,
    port: server.ports.c2s,
    ...(options.resource ? { resource: options.resource } : {}),
  });
  if (options.pin !== false)
    await core.commands['account.trustCertificate']({ account: user.jid, fingerprint: server.fingerprint });
  if (options.connect !== false) await core.commands['account.connect']({ account: user.jid });
  return { core, account: user.jid, close: () => core.close() };
}

/** A bare stream for playing a misbehaving peer: sends whatever stanza a test builds. */
export async function rawClient(server: XmppTestServer, user: TestUser, resource = 'raw'): Promise<Client> {
  const entity = createStream(endpointOf(server), {
    credentials: { username: user.username, password: user.password },
    resource,
  });
  entity.on('error', () => undefined);
  await startStream(entity);
  return entity;
}

/** Makes two engines' accounts mutual contacts (both subscriptions approved), with roster names and groups. */
export async function befriend(
  a: TestEngine,
  b: TestEngine,
  asSeenByA: { name: string; groups?: string[] },
  asSeenByB: { name: string; groups?: string[] },
): Promise<void> {
  await a.core.commands['roster.set']({ account: a.account, jid: b.account, ...asSeenByA });
  await b.core.commands['roster.set']({ account: b.account, jid: a.account, ...asSeenByB });
  await a.core.commands['presence.approve']({ account: a.account, jid: b.account });
  await b.core.commands['presence.approve']({ account: b.account, jid: a.account });
  await a.core.commands['presence.subscribe']({ account: a.account, jid: b.account });
  await b.core.commands['presence.subscribe']({ account: b.account, jid: a.account });
}

type Seen = { name: string; groups?: string[] };

/** Makes two users mutual contacts on the server, through throwaway engines (for tests whose app starts later). */
export async function makeContacts(
  server: XmppTestServer,
  a: TestUser,
  b: TestUser,
  asSeenByA: Seen,
  asSeenByB: Seen,
): Promise<void> {
  const [ea, eb] = [
    await startEngine(server, a, { resource: 'setup' }),
    await startEngine(server, b, { resource: 'setup' }),
  ];
  await befriend(ea, eb, asSeenByA, asSeenByB);
  await Promise.all([ea.close(), eb.close()]);
}

/**
 * Another device of the user, online while a test fills the archive: messages then reach it live
 * (and the archive), not offline storage. `waitFor(n)` holds until it has seen n messages.
 */
export async function otherDevice(
  server: XmppTestServer,
  user: TestUser,
): Promise<{ waitFor(count: number): Promise<void>; stop(): Promise<void> }> {
  const device = await rawClient(server, user, 'other-device');
  let received = 0;
  device.on('stanza', (stanza: { name: string }) => {
    if (stanza.name === 'message') received++;
  });
  await device.sendReceive(xml('iq', { type: 'get', id: 'ready' }, xml('ping', { xmlns: 'urn:xmpp:ping' })));
  await device.send(xml('presence'));
  await device.sendReceive(xml('iq', { type: 'get', id: 'present' }, xml('ping', { xmlns: 'urn:xmpp:ping' })));
  return {
    waitFor: async (count) => {
      const deadline = Date.now() + 60_000;
      while (received < count) {
        if (Date.now() > deadline) throw new Error(`the other device saw ${received} of ${count} messages`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: async () => {
      await device.stop();
    },
  };
}
