// The engine: accounts and their runtimes, implementing the IPC contract's commands.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConsoleCommands, ConversationCommands, CoreCommands, OmemoCommands } from '../../shared/ipc/contract.ts';
import { createConversations } from './services/conversations.ts';
import { UserError } from './userError.ts';
import { replyTo, targetOf } from './services/relationsOut.ts';
import { createHistoryCommands, type HistoryCommands } from './services/historyCommands.ts';
import { createMucCommands, type MucCommands } from './modules/muc/mucCommands.ts';
import { type AvatarCache, createAvatarCache } from './files/avatarCache.ts';
import { createServiceCommands, type ServiceCommands } from './serviceCommands.ts';
import { createConsoleCommands } from './console/consoleCommands.ts';
import type { Account, AccountId, ServerAddress } from '../../shared/model/account.ts';
import { type BareJid, parseJid, toBareJid } from '../../shared/model/jid.ts';
import { AccountRuntime } from './account/accountRuntime.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF } from './account/backoff.ts';
import { CoreEmitter } from './events.ts';
import { fetchRegistrationForm, registerAccount } from './modules/register/register.ts';
import { createFileCommands, type FileCommands } from './files/fileCommands.ts';
import { createOmemoCommands } from './modules/omemo/omemoCommands.ts';
import { createOpenPgpCommands } from './modules/openpgp/openpgpCommands.ts';
import { createCallCommands } from './modules/calls/callCommands.ts';
import type { CallCommands } from '../../shared/ipc/callContract.ts';
import type { OpenPgpCommands } from '../../shared/ipc/openpgpContract.ts';
import { roomInfo, roomMembers } from './modules/muc/mucSend.ts';
import type { Endpoint } from './net/stream.ts';
import type { StreamLimits } from './net/limitedParser.ts';
import type { KeepaliveOptions } from './net/keepalive.ts';
import type { HttpTrust } from './net/httpTransfer.ts';
import type { SecretsStatus } from '../../shared/model/secrets.ts';
import type { LookupFunction } from 'node:net';
import { knownCertKey, passwordKey, pinKey, type SecretStore } from './secrets.ts';
import type { AccountRow } from './store/accountsRepo.ts';
import { openStore, type Store } from './store/index.ts';

export interface CoreOptions {
  /** The SQLite file (':memory:' for throwaway engines). */
  databasePath: string;
  secrets: SecretStore | ((store: Store) => SecretStore);
  backoff?: BackoffPolicy;
  /** At most this many archive pages per catch-up; past it the catch-up reports a gap (default 2,000). */
  archivePageLimit?: number;
  /** How far back a new device's first archive sync goes, in days (default 7); older pages load on demand. */
  firstSyncDays?: number;
  /** How long a call rings before it gives up (tests shorten it). */
  callRingMs?: number;
  /** Where downloaded files are cached (default: "files" beside the database, or a temporary folder). */
  filesDir?: string;
  /** Opens a file with the system's default app; only the desktop shell has one. */
  openFile?: (path: string) => Promise<void>;
  /** Shows a file in the system's file manager; only the desktop shell has one. */
  showInFolder?: (path: string) => void;
  /** Plain http file URLs on this machine (tests only; never in the app). */
  allowPlainHttp?: boolean;
  /** Name resolution for file requests (tests inject one to play DNS). */
  lookup?: LookupFunction;
  /** When a quiet connection is checked, and how long the server may take to answer (default 60 s / 20 s). */
  keepalive?: KeepaliveOptions;
  /** How large and deep one incoming stanza may be (default: DEFAULT_STREAM_LIMITS). */
  streamLimits?: StreamLimits;
}

export { UserError };

function endpointOf(address: ServerAddress): Endpoint {
  const domain = toBareJid(address.domain);
  if (!domain || domain.includes('@'))
    throw new UserError(`"${address.domain}" is not a server name`, 'invalid-server', { server: address.domain });
  return {
    domain,
    host: address.host,
    port: address.port,
    tls: address.tls ?? 'starttls',
    pinnedFingerprint: address.pinnedFingerprint,
  };
}

/**
 * The resource new accounts get: stable for this installation (so it never fights itself after a
 * re-added account) and different between installations (so two never take each other's session).
 */
export function defaultResource(store: Store): string {
  const KEY = 'installation-id';
  let id = store.meta.get(KEY);
  if (!id) {
    id = randomBytes(3).toString('hex');
    store.meta.set(KEY, id);
  }
  return `JabberDesk.${id}`;
}

export class Core {
  readonly events = new CoreEmitter();
  readonly store: Store;
  readonly #secrets: SecretStore;
  readonly #runtimes = new Map<AccountId, AccountRuntime>();
  readonly #backoff: BackoffPolicy;
  readonly #limits: { archivePages?: number; firstSyncDays?: number; callRingMs?: number };
  readonly #avatarCache: AvatarCache;
  readonly #streamLimits: StreamLimits | undefined;
  readonly #options: CoreOptions;
  readonly #files: ReturnType<typeof createFileCommands>;
  readonly #conversations: ReturnType<typeof createConversations>;
  readonly commands: CoreCommands;
  /** A throwaway engine's download cache, removed on close. */
  #throwawayDir: string | undefined;

  constructor(options: CoreOptions) {
    this.store = openStore(options.databasePath);
    this.#secrets = typeof options.secrets === 'function' ? options.secrets(this.store) : options.secrets;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#streamLimits = options.streamLimits;
    this.#options = options;
    this.#limits = {
      ...(options.archivePageLimit !== undefined ? { archivePages: options.archivePageLimit } : {}),
      ...(options.firstSyncDays !== undefined ? { firstSyncDays: options.firstSyncDays } : {}),
      ...(options.callRingMs !== undefined ? { callRingMs: options.callRingMs } : {}),
    };
    const filesDir =
      options.filesDir ??
      (options.databasePath === ':memory:'
        ? mkdtempSync(join(tmpdir(), 'jabberdesk-files-'))
        : join(dirname(options.databasePath), 'files'));
    if (!options.filesDir && options.databasePath === ':memory:') this.#throwawayDir = filesDir;
    this.#avatarCache = createAvatarCache(filesDir);
    for (const row of this.store.accounts.list()) this.#runtimeOf(row.id);
    this.#files = createFileCommands({
      runtime: (account) => this.runtime(account),
      trust: (account) => this.#httpTrust(account),
      emit: this.events.emit,
      filesDir,
      openFile: options.openFile,
      showInFolder: options.showInFolder,
    });
    this.#conversations = createConversations(this.store, this.events);
    this.commands = {
      ...this.#accountCommands(),
      ...this.#files.commands,
      ...createConsoleCommands((account) => this.runtime(account)),
      ...this.#conversations.commands,
      ...createHistoryCommands(this.store, (account) => this.runtime(account), this.events.emit),
      ...createMucCommands(
        (account) => this.runtime(account),
        (account, room) => this.#conversations.markRead(account, room),
        this.store,
      ),
      ...createServiceCommands({
        store: this.store,
        avatarCache: this.#avatarCache,
        runtime: (account) => this.runtime(account),
        runtimes: () => this.#runtimes.values(),
        savePassword: (account, password) => this.#secrets.set(passwordKey(account), password),
        removeLocally: (account) => this.commands['account.remove']({ account }),
        accountsChanged: () => this.#accountsChanged(),
      }),
      ...createOpenPgpCommands((account) => this.runtime(account).modules),
      ...createCallCommands(
        (account) => this.runtime(account),
        () => this.#runtimes.values(),
      ),
      ...createOmemoCommands(
        (account) => this.runtime(account).modules.omemo,
        (account, peer) => this.#roomTarget(account, peer),
      ),
    };
  }

  /** Connects every account whose remembered presence is not "offline". */
  async start(): Promise<void> {
    await Promise.allSettled(
      this.store.accounts
        .list()
        .filter((r) => r.enabled && r.presenceShow !== 'offline')
        .map((r) => this.runtime(r.id).connect()),
    );
  }

  /** The computer woke up or the network changed: every account checks its connection now. */
  wake(): void {
    for (const runtime of this.#runtimes.values()) runtime.wake();
  }

  async close(): Promise<void> {
    this.#files.dispose();
    this.#conversations.dispose();
    await Promise.allSettled([...this.#runtimes.values()].map((r) => r.dispose()));
    this.#runtimes.clear();
    this.store.close();
    if (this.#throwawayDir) rmSync(this.#throwawayDir, { recursive: true, force: true });
  }

  /** A joined room's members and whether it can be encrypted (for its encryption state); undefined when `peer` is not a room. */
  async #roomTarget(
    account: AccountId,
    peer: BareJid,
  ): Promise<{ members: BareJid[]; encryptable: boolean } | undefined> {
    const { connection, modules } = this.runtime(account);
    const room = modules.muc.rooms().find((r) => r.jid === peer);
    if (!room) return undefined;
    const encryptable = await roomInfo(connection, peer).then(
      (info) => info.private,
      () => false,
    );
    return { encryptable, members: await roomMembers(connection, room.jid, modules.muc.occupants(peer)) };
  }

  /** What file requests of an account may trust: its pinned certificate and internal addresses, for its own hosts only. */
  async #httpTrust(account: AccountId): Promise<HttpTrust> {
    const row = this.store.accounts.get(account);
    const hosts = new Set<string>([account.slice(account.indexOf('@') + 1)]);
    if (row?.host) hosts.add(row.host.toLowerCase());
    for (const host of this.#runtimes.get(account)?.modules.upload.hosts() ?? []) hosts.add(host);
    return {
      pinnedFingerprint: await this.#secrets.get(pinKey(account)),
      trustedHosts: hosts,
      allowPlainHttp: this.#options.allowPlainHttp === true,
      lookup: this.#options.lookup,
    };
  }

  #secretsStatus(): SecretsStatus {
    return this.#secrets.status?.() ?? { protection: 'memory', rememberPasswords: false };
  }

  runtime(account: AccountId): AccountRuntime {
    const runtime = this.#runtimes.get(account);
    if (!runtime) throw new UserError(`No account ${account}`, 'no-account', { account });
    return runtime;
  }

  #runtimeOf(account: AccountId): AccountRuntime {
    let runtime = this.#runtimes.get(account);
    if (!runtime) {
      runtime = new AccountRuntime({
        account,
        store: this.store,
        secrets: this.#secrets,
        emit: this.events.emit,
        backoff: this.#backoff,
        limits: this.#limits,
        streamLimits: this.#streamLimits,
        keepalive: this.#options.keepalive,
        avatarCache: this.#avatarCache,
      });
      this.#runtimes.set(account, runtime);
    }
    return runtime;
  }

  async #toAccount(row: AccountRow): Promise<Account> {
    const pinned = await this.#secrets.get(pinKey(row.id));
    return {
      id: row.id,
      jid: row.id,
      resource: row.resource,
      priority: row.priority,
      tls: row.tls,
      ...(row.host ? { host: row.host } : {}),
      ...(row.port ? { port: row.port } : {}),
      ...(pinned ? { pinnedFingerprint: pinned } : {}),
      presence: { show: row.presenceShow, status: row.presenceStatus },
      enabled: row.enabled,
      ...(row.color ? { color: row.color } : {}),
      state: this.#runtimes.get(row.id)?.state ?? { status: 'offline' },
    };
  }

  async #accountsChanged(): Promise<void> {
    this.events.emit('account.listChanged', { accounts: await this.commands['account.list']({}) });
  }

  async #account(id: AccountId): Promise<Account> {
    const row = this.store.accounts.get(id);
    if (!row) throw new UserError(`No account ${id}`, 'no-account', { account: id });
    return this.#toAccount(row);
  }

  /** Every command but those with modules of their own (files, OMEMO, console, conversations, group chats). */
  #accountCommands(): Omit<
    CoreCommands,
    | keyof FileCommands
    | keyof OmemoCommands
    | keyof OpenPgpCommands
    | keyof ConsoleCommands
    | keyof ConversationCommands
    | keyof MucCommands
    | keyof HistoryCommands
    | keyof ServiceCommands
    | keyof CallCommands
  > {
    return {
      'account.list': async () => Promise.all(this.store.accounts.list().map((row) => this.#toAccount(row))),
      'secrets.status': () => Promise.resolve(this.#secretsStatus()),
      'secrets.setRememberPasswords': async ({ remember }) => {
        await this.#secrets.setRememberPasswords?.(remember);
        return this.#secretsStatus();
      },
      'account.add': async (req) => {
        const parts = parseJid(req.jid.trim());
        const id = parts?.local ? toBareJid(`${parts.local}@${parts.domain}`) : undefined;
        if (!parts || !id)
          throw new UserError(`"${req.jid}" is not a Jabber ID of the form user@server`, 'invalid-jid', {
            jid: req.jid,
          });
        if (this.store.accounts.get(id))
          throw new UserError(`The account ${id} is already set up`, 'account-exists', { account: id });
        this.store.accounts.upsert({
          id,
          resource: req.resource || parts.resource || defaultResource(this.store),
          priority: req.priority ?? 0,
          ...(req.host ? { host: req.host } : {}),
          ...(req.port ? { port: req.port } : {}),
          tls: req.tls ?? 'starttls',
          presenceShow: 'online',
          presenceStatus: '',
          enabled: true,
          color: '',
          position: this.store.accounts.list().length,
        });
        await this.#secrets.set(passwordKey(id), req.password);
        this.#runtimeOf(id);
        await this.#accountsChanged();
        return this.#account(id);
      },
      'account.update': async (req) => {
        const row = this.store.accounts.get(req.account);
        if (!row) throw new UserError(`No account ${req.account}`, 'no-account', { account: req.account });
        const { host, port, ...rest } = row;
        this.store.accounts.upsert({
          ...rest,
          resource: req.resource || row.resource,
          priority: req.priority ?? row.priority,
          tls: req.tls ?? row.tls,
          ...((req.host ?? host) ? { host: req.host ?? host } : {}),
          ...((req.port ?? port) ? { port: req.port ?? port } : {}),
        });
        if (req.password !== undefined) await this.#secrets.set(passwordKey(req.account), req.password);
        await this.#accountsChanged();
        return this.#account(req.account);
      },
      'account.remove': async ({ account }) => {
        await this.#runtimes.get(account)?.dispose();
        this.#runtimes.delete(account);
        this.store.accounts.remove(account);
        await this.#secrets.delete(passwordKey(account));
        await this.#secrets.delete(pinKey(account));
        await this.#secrets.delete(knownCertKey(account));
        await this.#accountsChanged();
      },
      'account.connect': async ({ account }) => {
        const row = this.store.accounts.get(account);
        if (row && !row.enabled)
          throw new UserError(`The account ${account} is switched off`, 'account-disabled', { account });
        if (row?.presenceShow === 'offline') this.store.accounts.upsert({ ...row, presenceShow: 'online' });
        await this.runtime(account).connect();
      },
      'account.disconnect': async ({ account }) => {
        await this.runtime(account).disconnect();
      },
      'account.trustCertificate': async ({ account, fingerprint }) => {
        this.runtime(account);
        await this.#secrets.set(pinKey(account), fingerprint);
        await this.#accountsChanged();
      },
      'account.registrationForm': async (req) => fetchRegistrationForm(endpointOf(req)),
      'account.register': async (req) => registerAccount(endpointOf(req), req.username, req.password, req.fields),
      'roster.list': ({ account }) => Promise.resolve(this.runtime(account).modules.roster.list()),
      'roster.set': async ({ account, jid, name, groups }) => {
        await this.runtime(account).modules.roster.set(jid, name, groups);
      },
      'roster.remove': async ({ account, jid }) => {
        await this.runtime(account).modules.roster.remove(jid);
      },
      'presence.subscribe': async ({ account, jid }) => {
        await this.runtime(account).modules.presence.subscribe(jid);
      },
      'presence.approve': async ({ account, jid }) => {
        await this.runtime(account).modules.presence.approve(jid);
      },
      'presence.deny': async ({ account, jid }) => {
        await this.runtime(account).modules.presence.deny(jid);
      },
      'presence.set': async ({ account, show, status, priority }) => {
        const runtime = this.runtime(account);
        const row = this.store.accounts.get(account);
        await runtime.modules.presence.set(show, status ?? row?.presenceStatus ?? '', priority ?? row?.priority ?? 0);
        if (show === 'offline') await runtime.disconnect();
        else if (runtime.state.status === 'offline') void runtime.connect().catch(() => undefined);
        await this.#accountsChanged();
      },
      'presence.setIdle': async ({ account, show, since }) => {
        await this.runtime(account).modules.presence.setIdle(show ? { show, since: since ?? Date.now() } : undefined);
      },
      'presence.list': ({ account }) => Promise.resolve(this.runtime(account).modules.presence.list()),
      'presence.lastActivity': ({ account, jid }) => this.runtime(account).modules.lastActivity.query(jid),
      'chat.send': async ({ account, to, body, replyTo: id }) => {
        const runtime = this.runtime(account);
        const target = id ? targetOf(this.store, account, to, id) : undefined;
        const reply = target ? replyTo(target, runtime.connection.jid ?? account, account) : undefined;
        return runtime.modules.chat.send(to, body, undefined, reply);
      },
      'chat.correct': ({ account, id, body }) => this.runtime(account).modules.edits.correct(id, body),
      'chat.retract': ({ account, id }) => this.runtime(account).modules.edits.retract(id),
      'chat.markDisplayed': async ({ account, peer, id }) => {
        const { markers, mds, muc } = this.runtime(account).modules;
        const message = this.store.messages.get(id);
        const ours = message?.account === account && message.peer === peer;
        if (ours) this.#conversations.markRead(account, peer, message.timestamp);
        if (message?.groupchat && message.stanzaId) await muc.markDisplayed(peer, message.stanzaId);
        else await markers.markDisplayed(peer, id);
        if (ours && message.stanzaId) await mds.publish(peer, message.stanzaId);
      },
      'chat.setChatState': async ({ account, peer, state }) => {
        const { markers, muc } = this.runtime(account).modules;
        if (muc.rooms().some((r) => r.jid === peer)) await muc.setChatState(peer, state);
        else await markers.setChatState(peer, state);
      },
      'blocklist.list': ({ account }) => Promise.resolve(this.runtime(account).modules.blocking.list()),
      'blocklist.block': async ({ account, jid }) => {
        await this.runtime(account).modules.blocking.block(jid);
      },
      'blocklist.unblock': async ({ account, jid }) => {
        await this.runtime(account).modules.blocking.unblock(jid);
      },
      'client.wake': () => {
        this.wake();
        return Promise.resolve();
      },
      'client.setActive': async ({ active }) => {
        await Promise.allSettled([...this.#runtimes.values()].map((r) => r.modules.csi.setActive(active)));
      },
      'archive.catchUp': async ({ account }) => {
        await this.runtime(account).modules.mam.catchUp();
      },
      'archive.state': ({ account }) => Promise.resolve(this.runtime(account).modules.mam.state),
    };
  }
}
