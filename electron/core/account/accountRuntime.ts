// One account: its connection, its modules, its state, and reconnecting with backoff.
import type { Client } from '@xmpp/client-core';
import type { AccountId } from '../../../shared/model/account.ts';
import type { ConnectionState } from '../../../shared/model/connection.ts';
import { parseJid, toFullJid } from '../../../shared/model/jid.ts';
import type { CoreEmitter } from '../events.ts';
import { createLogger } from '../log.ts';
import { ScramError } from '../net/scram.ts';
import { createStream, startStream } from '../net/stream.ts';
import { StanzaLog } from '../console/stanzaLog.ts';
import { StreamManagement } from '../net/streamManagement.ts';
import { knownCertKey, passwordKey, pinKey, type SecretStore } from '../secrets.ts';
import type { Store } from '../store/index.ts';
import { AuthError, CertificateError, ProtocolError, StanzaLimitError } from '../xmpp/errors.ts';
import type { StreamLimits } from '../net/limitedParser.ts';
import { type Keepalive, type KeepaliveOptions, startKeepalive } from '../net/keepalive.ts';
import { NS_PING } from '../modules/ping/ping.ts';
import { type StreamErrorInfo, streamErrorOf, verdictOf } from './streamErrors.ts';
import { errorReason } from '../errorReason.ts';
import type { ErrorReason } from '../../../shared/model/errors.ts';
import { el } from '../xmpp/stanza.ts';
import { createDiscoResponder } from '../modules/disco/disco.ts';
import { type BackoffPolicy, backoffDelay } from './backoff.ts';
import { Connection } from './connection.ts';
import { createLifecycle } from './lifecycle.ts';
import { type Modules, setupModules } from './moduleRegistry.ts';
import type { ModuleContext } from '../xmpp/module.ts';
import { openVault, type Vault } from '../modules/omemo/vault.ts';
import type { AvatarCache } from '../files/avatarCache.ts';

export interface RuntimeDeps {
  account: AccountId;
  store: Store;
  secrets: SecretStore;
  emit: CoreEmitter['emit'];
  backoff: BackoffPolicy;
  limits?: ModuleContext['limits'];
  streamLimits?: StreamLimits | undefined;
  keepalive?: KeepaliveOptions | undefined;
  avatarCache: AvatarCache;
}

/** A server that breaks the stream limits this often within the window is not reconnected to. */
const ABUSE_STRIKES = 3;
const ABUSE_WINDOW_MS = 10 * 60_000;

/** The state a failed attempt leads to, and whether trying again could help. */
function classify(error: unknown): { state: ConnectionState; retry: boolean; message: string; why?: ErrorReason } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CertificateError) {
    return {
      state: {
        status: 'certificateUntrusted',
        fingerprint: error.fingerprint,
        subject: error.subject,
        reason: error.reason,
        ...(error.previousFingerprint ? { previousFingerprint: error.previousFingerprint } : {}),
      },
      retry: false,
      message,
    };
  }
  if (error instanceof AuthError || error instanceof ScramError)
    return { state: { status: 'authFailed', message }, retry: false, message };
  if (error instanceof ProtocolError) {
    return {
      state: { status: 'offline', reason: message, ...(error.code ? { code: error.code } : {}) },
      retry: false,
      message,
    };
  }
  const why = errorReason(error);
  return { state: { status: 'offline', reason: message, why }, retry: true, message, why };
}

export class AccountRuntime {
  readonly connection = new Connection();
  readonly #sm = new StreamManagement((stanza) => this.connection.acked(stanza));
  #detachSm: () => void = () => undefined;
  /** The XML console's record of this account's streams. */
  readonly console: StanzaLog;
  #detachConsole: () => void = () => undefined;
  /** The session dropped but may be resumed: offline hooks wait until we know. */
  #offlinePending = false;
  readonly modules: Modules;
  #state: ConnectionState = { status: 'offline' };
  #wanted = false;
  #attempt = 0;
  #generation = 0;
  #timer: NodeJS.Timeout | undefined;
  #strikes: number[] = [];
  #keepalive: Keepalive | undefined;
  #streamError: StreamErrorInfo | undefined;
  /** A see-other-host target for the next attempt. */
  #redirect: { host: string; port: number | undefined } | undefined;
  #deadSocket = false;
  #entity: Client | undefined;
  #attached = false;
  #inflight: Promise<void> | undefined;
  readonly #lifecycle = createLifecycle();
  readonly #disco;
  readonly #deps: RuntimeDeps;
  readonly #log;

  constructor(deps: RuntimeDeps) {
    this.#deps = deps;
    this.#log = createLogger(`account ${deps.account}`);
    this.#disco = createDiscoResponder(this.connection);
    this.console = new StanzaLog((entry) => deps.emit('console.entry', { account: deps.account, entry }));
    let vault: Promise<Vault> | undefined;
    const keyVault = (): Promise<Vault> => {
      vault ??= openVault(deps.secrets).catch((error: unknown) => {
        vault = undefined;
        throw error;
      });
      return vault;
    };
    this.modules = setupModules({
      account: deps.account,
      xmpp: this.connection,
      lifecycle: this.#lifecycle,
      disco: this.#disco,
      keyVault,
      emit: deps.emit,
      store: deps.store,
      log: this.#log,
      ...(deps.limits ? { limits: deps.limits } : {}),
      avatarCache: deps.avatarCache,
    });
    this.connection.useStreamManagement(() => this.#sm.enabled);
  }

  /** Destroys the TCP connection without closing the stream, as a network failure would (fault tests, diagnostics). */
  dropTransport(): void {
    this.#entity?.socket?.destroy?.();
  }

  /** XEP-0198 state, for tests and the UI's diagnostics. */
  get streamManagement(): StreamManagement {
    return this.#sm;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Connects now; resolves when online, rejects with the first attempt's error (retrying in the background where that can help). */
  async connect(): Promise<void> {
    this.#wanted = true;
    clearTimeout(this.#timer);
    if (this.#state.status === 'online') return;
    if (this.#inflight) return this.#inflight;
    this.#attempt = 0;
    await this.#tryOnce();
  }

  /** Goes offline on purpose: cancels any pending reconnect. */
  async disconnect(reason?: string): Promise<void> {
    this.#keepalive?.stop();
    this.#redirect = undefined;
    this.#wanted = false;
    this.#sm.forget();
    this.#generation++;
    clearTimeout(this.#timer);
    const entity = this.#entity;
    this.#entity = undefined;
    this.#dropped();
    if (entity) {
      entity.removeAllListeners('disconnect');
      await entity.stop().catch(() => undefined);
      entity.socket?.destroy?.();
    }
    this.#setState(reason ? { status: 'offline', reason } : { status: 'offline' });
  }

  async dispose(): Promise<void> {
    await this.disconnect();
    this.modules.dispose();
    this.#disco.dispose();
  }

  /** One attempt at a time; a second caller shares the attempt in flight. */
  #tryOnce(): Promise<void> {
    this.#inflight ??= this.#connectOnce().finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  async #connectOnce(): Promise<void> {
    const generation = ++this.#generation;
    this.#setState({ status: 'connecting' });
    const { store, secrets, account } = this.#deps;
    const row = store.accounts.get(account);
    const password = await secrets.get(passwordKey(account));
    if (!row || password === undefined) {
      this.#setState({ status: 'authFailed', message: 'No password is stored for this account' });
      throw new AuthError('not-authorized', 'No password is stored for this account');
    }
    const pinned = await secrets.get(pinKey(account));
    const known = await secrets.get(knownCertKey(account));
    const onTrusted = (fingerprint: string): void => {
      if (fingerprint !== known) void secrets.set(knownCertKey(account), fingerprint).catch(() => undefined);
    };
    const { local, domain } = parseJid(account) ?? { local: '', domain: '' };
    const entity = createStream(
      {
        domain,
        // A see-other-host redirect is followed once; TLS is still checked for the account's domain.
        host: this.#redirect?.host ?? row.host,
        port: this.#redirect ? this.#redirect.port : row.port,
        tls: row.tls,
        pinnedFingerprint: pinned,
        knownFingerprint: known,
        onTrusted,
      },
      {
        credentials: { username: local, password },
        resource: row.resource,
        sm: this.#sm,
        onFeatures: (features) => this.connection.recordFeatures(features),
      },
      this.#deps.streamLimits,
    );
    this.#streamError = undefined;
    entity.on('error', (error: unknown) => {
      const streamError = streamErrorOf(error);
      if (streamError) this.#streamError = streamError;
      if (error instanceof StanzaLimitError) this.#strike(error);
      else this.#log.debug('stream error', { error: String(error) });
    });
    this.#detachSm();
    this.#detachSm = this.#sm.attach(entity);
    this.#detachConsole();
    this.#detachConsole = this.console.attach(entity);
    this.connection.attach(entity, this.#sm.canResume() ? this.#sm.jid : undefined);
    this.#entity = entity;
    try {
      await startStream(entity);
    } catch (error) {
      if (this.#entity === entity) {
        this.#entity = undefined;
        this.connection.detach();
      }
      if (generation !== this.#generation) return;
      const outcome = classify(error);
      this.#log.info('connection attempt failed', { error: outcome.message });
      if (this.#abusive()) this.#giveUpOnAbuse();
      else if (this.#streamError && this.#wanted) this.#afterStreamError(this.#streamError);
      else if (outcome.retry && this.#wanted) this.#scheduleRetry(outcome.message, undefined, outcome.why);
      else {
        this.#wanted = false;
        this.#setState(outcome.state);
      }
      throw error;
    }
    if (generation !== this.#generation) {
      await entity.stop().catch(() => undefined);
      return;
    }
    const jid = toFullJid(String(entity.jid));
    if (!jid) throw new ProtocolError('The server bound an invalid JID');
    entity.once('disconnect', () => this.#onDrop(entity));
    // Followed for this connection only: the next one asks the configured server again.
    this.#redirect = undefined;
    this.#keepalive?.stop();
    this.#keepalive = startKeepalive(
      entity,
      () => this.#probe(),
      () => this.#onDeadSocket(entity),
      this.#deps.keepalive,
    );
    const resumed = this.#sm.resumed;
    if (!resumed) this.#runOfflineIfPending();
    this.connection.bound(jid);
    this.#attached = true;
    this.#attempt = 0;
    if (resumed) await this.#lifecycle.runResumed();
    else await this.#lifecycle.runOnline();
    if (generation === this.#generation && this.connection.online) this.#setState({ status: 'online', jid });
  }

  #onDrop(entity: Client): void {
    if (this.#entity !== entity) return;
    this.#entity = undefined;
    this.#keepalive?.stop();
    this.#dropped();
    entity.socket?.destroy?.();
    const dead = this.#deadSocket;
    this.#deadSocket = false;
    this.#redirect = undefined;
    if (this.#abusive()) this.#giveUpOnAbuse();
    else if (this.#streamError && this.#wanted) this.#afterStreamError(this.#streamError);
    // A socket found dead is replaced at once (and the session resumed): the server is likely fine.
    else if (this.#wanted)
      this.#scheduleRetry('The connection was lost', dead ? 0 : undefined, { code: 'connection-lost' });
    else this.#setState({ status: 'offline' });
  }

  /** The server ended the stream with an error: stop and say why, follow a redirect once, or retry. */
  #afterStreamError(info: StreamErrorInfo): void {
    const verdict = verdictOf(info, this.#redirect !== undefined);
    this.#streamError = undefined;
    this.#log.info('the server sent a stream error', { condition: info.condition });
    if (verdict.kind === 'follow') {
      this.#redirect = { host: verdict.host, port: verdict.port };
      this.#scheduleRetry(`Redirected to ${verdict.host}`, 0, { code: 'redirected', params: { host: verdict.host } });
    } else if (verdict.kind === 'retry') {
      this.#redirect = undefined;
      this.#scheduleRetry(verdict.message, undefined, { code: 'stream-closed' });
    } else {
      this.#redirect = undefined;
      this.#wanted = false;
      clearTimeout(this.#timer);
      this.#setState({ status: 'offline', reason: verdict.message, code: verdict.code });
    }
  }

  /** Asks the server for a sign of life: an ack request on a stream-managed session, else a ping. */
  #probe(): void {
    if (this.#sm.enabled) this.#sm.requestAck();
    else this.connection.iq('get', undefined, el('ping', NS_PING)).catch(() => undefined);
  }

  #onDeadSocket(entity: Client): void {
    if (this.#entity !== entity) return;
    this.#log.info('no answer from the server: the connection is dead, reconnecting');
    this.#deadSocket = true;
    entity.socket?.destroy?.();
  }

  /** After a wake-up or a network change: check a live connection now, retry a waiting one now. */
  wake(): void {
    if (this.#state.status === 'online') this.#keepalive?.checkNow();
    else if (this.#state.status === 'reconnecting' && this.#wanted) {
      clearTimeout(this.#timer);
      this.#tryOnce().catch(() => undefined);
    }
  }

  /** The server broke a stream limit: the stream is closed with policy-violation; remembered for a while. */
  #strike(error: StanzaLimitError): void {
    this.#log.warn('closed the stream: the server broke a limit', { error: error.message });
    const now = Date.now();
    this.#strikes = [...this.#strikes.filter((t) => now - t < ABUSE_WINDOW_MS), now];
  }

  #abusive(): boolean {
    return this.#strikes.length >= ABUSE_STRIKES;
  }

  #giveUpOnAbuse(): void {
    this.#wanted = false;
    this.#strikes = [];
    clearTimeout(this.#timer);
    const reason = 'The server kept sending oversized or too deeply nested data';
    this.#setState({ status: 'offline', reason, code: 'abuse' });
  }

  #dropped(): void {
    this.connection.detach();
    this.#detachSm();
    if (this.#attached) {
      this.#attached = false;
      this.#offlinePending = true;
    }
    if (!this.#wanted || !this.#sm.canResume()) this.#runOfflineIfPending();
  }

  #runOfflineIfPending(): void {
    if (!this.#offlinePending) return;
    this.#offlinePending = false;
    this.#lifecycle.runOffline();
  }

  #scheduleRetry(reason: string, immediately?: 0, why?: ErrorReason): void {
    this.#attempt++;
    const delay = immediately ?? backoffDelay(this.#attempt, this.#deps.backoff);
    const at = Date.now() + delay;
    this.#setState({ status: 'reconnecting', attempt: this.#attempt, at, reason, ...(why ? { why } : {}) });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.#wanted) return;
      this.#tryOnce().catch(() => undefined);
    }, delay);
  }

  #setState(state: ConnectionState): void {
    this.#state = state;
    this.#deps.emit('connection.stateChanged', { account: this.#deps.account, state });
  }
}
