// Legacy OMEMO (XEP-0384 0.3, eu.siacs.conversations.axolotl): our device announced over PEP, contacts'
// device lists followed, messages encrypted for every trusted device and decrypted once per copy.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { MessageEncryption } from '../../../../shared/model/message.ts';
import {
  type DeviceTrust,
  type OmemoChatState,
  type OmemoDevice,
  type OwnOmemoDevice,
  verificationUri,
} from '../../../../shared/model/omemo.ts';
import type { EndToEnd, XmppModule } from '../../xmpp/module.ts';
import { el, xml } from '../../xmpp/stanza.ts';
import { NS_HINTS } from '../chat/chat.build.ts';
import { decryptMessage } from './decrypt.ts';
import { createHealing } from './healing.ts';
import { encryptMessage, OmemoUnavailableError, resolveRecipients } from './encrypt.ts';
import { createKeyStore } from './keyStore.ts';
import type { OmemoContext } from './omemoContext.ts';
import { fetchDeviceList, publishBundle, publishDeviceList } from './omemo.pep.ts';
import { buildEncrypted, DEVICELIST_NODE, NS_OMEMO, parseDeviceList, parseEncrypted } from './omemo.xml.ts';
import { bundleKeys, ensureIdentity, refreshKeys } from './ownDevice.ts';
import { formatFingerprint } from './signal.ts';
import { deviceView, trustForNewKey } from './trust.ts';

const NS_EME = 'urn:xmpp:eme:0';
const RECENT_MS = 5 * 60_000;
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
export const FALLBACK_BODY =
  'I sent you an OMEMO encrypted message but your client doesn’t seem to support that. Find more information on https://conversations.im/omemo';

/** A room, as its encryption state needs it. */
export interface RoomRecipients {
  members: BareJid[];
  /** Members-only and non-anonymous. */
  encryptable: boolean;
}

export interface OmemoApi extends EndToEnd {
  ownDevice(): OwnOmemoDevice | undefined;
  chatState(peer: BareJid, room?: RoomRecipients, refresh?: boolean): Promise<OmemoChatState>;
  setEnabled(peer: BareJid, enabled: boolean): void;
  setTrust(jid: BareJid, device: number, trust: DeviceTrust): OmemoDevice;
  /** Ready once our device is announced in this session (tests, and commands that need it). */
  readonly ready: Promise<void>;
}

export const omemo: XmppModule<OmemoApi> = {
  id: 'xep-0384-omemo',
  setup({ account, xmpp, lifecycle, disco, store, emit, log, keyVault }) {
    const repo = store.omemo;
    const notify = `${DEVICELIST_NODE}+notify`;
    disco.addFeature(notify);
    let ctx: OmemoContext | undefined;
    let ready: Promise<void> = Promise.resolve();
    /** Device lists fetched (or pushed to us) in this session. */
    const listsKnown = new Set<BareJid>();
    let queue: Promise<unknown> = Promise.resolve();
    /** Signal state is read-modify-write: one operation at a time, in arrival order. */
    const serial = <T>(task: () => Promise<T>): Promise<T> => {
      const run = queue.then(task);
      queue = run.catch(() => undefined);
      return run;
    };
    const changed = (peer: BareJid): void => emit('omemo.changed', { account, peer });
    const ownJid = (): BareJid => xmpp.bareJid ?? account;
    let bundleDirty = false;
    let syncing = true;

    const publishOwnBundle = async (): Promise<void> => {
      if (!ctx) return;
      await refreshKeys(account, repo, await keyVault());
      await publishBundle(xmpp, ctx.ownId, bundleKeys(account, repo));
      bundleDirty = false;
    };
    /** Puts our id back into our list when it is missing (another device published without it). */
    const announce = async (ids: readonly number[]): Promise<void> => {
      if (!ctx || ids.includes(ctx.ownId)) return;
      await publishDeviceList(xmpp, [...ids, ctx.ownId]);
    };
    const recordList = (jid: BareJid, ids: number[]): void => {
      listsKnown.add(jid);
      const before = repo
        .devices(account, jid)
        .filter((d) => d.active)
        .map((d) => d.device)
        .sort()
        .join();
      repo.setDeviceList(account, jid, ids);
      if ([...ids].sort().join() !== before) changed(jid);
    };

    const setUp = async (): Promise<void> => {
      const vault = await keyVault();
      const own = ownJid();
      const ids = await fetchDeviceList(xmpp, undefined);
      const ownId = await ensureIdentity(account, repo, vault, ids);
      ctx = {
        account,
        xmpp,
        repo,
        ownId,
        log,
        ownJid,
        keys: createKeyStore(account, repo, vault, {
          newIdentity: (jid, device, key) => {
            repo.setIdentityKey(account, jid, device, key, trustForNewKey(repo, account, jid));
            changed(jid);
          },
          preKeyUsed: () => {
            bundleDirty = true;
          },
        }),
        deviceIds: async (jid) => {
          if (!listsKnown.has(jid) && xmpp.online) recordList(jid, await fetchDeviceList(xmpp, jid));
          return repo
            .devices(account, jid)
            .filter((d) => d.active)
            .map((d) => d.device);
        },
      };
      await publishOwnBundle();
      await announce(ids);
      recordList(own, ids.includes(ownId) ? ids : [...ids, ownId]);
    };

    // Not awaited: going online does not wait for key generation and publishing; whatever needs the
    // device (sending, decrypting) waits for `ready`, and the queue keeps it ahead of them.
    const offOnline = lifecycle.onOnline(() => {
      listsKnown.clear();
      syncing = true;
      ready = serial(setUp);
      ready.catch((error: unknown) => log.warn('OMEMO could not be set up', { error: String(error) }));
    });
    const offOffline = lifecycle.onOffline(() => {
      listsKnown.clear();
    });

    const offMessage = xmpp.onMessage((stanza) => {
      const items = stanza.getChild('event', NS_PUBSUB_EVENT)?.getChild('items');
      const from = stanza.attrs.from ?? '';
      const jid = toBareJid(from);
      if (items?.attrs.node !== DEVICELIST_NODE || !jid || jid !== from) return;
      const ids = parseDeviceList(items.getChild('item')?.getChild('list'));
      recordList(jid, ids);
      if (jid === ownJid())
        void serial(() => announce(ids)).catch((error: unknown) =>
          log.warn('could not put our device back in the list', { error: String(error) }),
        );
    });

    const whenReady = async (): Promise<OmemoContext> => {
      await ready;
      if (!ctx) throw new OmemoUnavailableError('OMEMO is not set up for this account yet');
      return ctx;
    };
    const healing = createHealing(whenReady, (task) => void serial(task).catch(() => undefined), log);
    const devicesOf = (jids: readonly BareJid[]): OmemoDevice[] => {
      const own = ownJid();
      return [...new Set([...jids, own])].flatMap((jid) =>
        repo
          .devices(account, jid)
          .filter((d) => !(jid === own && d.device === ctx?.ownId))
          .map(deviceView),
      );
    };

    const api: OmemoApi & { dispose(): void } = {
      get ready() {
        return ready;
      },
      ownDevice: () => {
        const identity = repo.identity(account);
        if (!identity) return undefined;
        const fingerprint = formatFingerprint(identity.publicKey);
        return {
          jid: ownJid(),
          id: identity.deviceId,
          fingerprint,
          uri: verificationUri(ownJid(), [{ id: identity.deviceId, fingerprint }]),
        };
      },
      chatState: async (peer, room, refresh = false) => {
        const members = room?.members ?? [peer];
        if (room && !room.encryptable) {
          return {
            peer,
            enabled: false,
            usable: false,
            reason: "Only members-only rooms that show members' addresses can be encrypted",
            devices: [],
            undecided: 0,
          };
        }
        let usable = false;
        let reason: string | undefined;
        try {
          const context = await whenReady();
          if (refresh) for (const jid of members) listsKnown.delete(jid);
          await serial(() => resolveRecipients(context, members));
          usable = true;
        } catch (error) {
          reason = error instanceof Error ? error.message : String(error);
        }
        const devices = devicesOf(members);
        const hasDevices = devices.some((d) => d.active && members.includes(d.jid));
        return {
          peer,
          enabled: repo.chatEnabled(account, peer) ?? (room ? true : hasDevices),
          usable,
          ...(reason ? { reason } : {}),
          devices,
          undecided: devices.filter((d) => d.active && d.trust === 'undecided').length,
        };
      },
      setEnabled: (peer, enabled) => {
        repo.setChatEnabled(account, peer, enabled);
        changed(peer);
      },
      setTrust: (jid, device, trust) => {
        const row = repo.device(account, jid, device);
        if (!row?.identityKey) throw new OmemoUnavailableError(`No key is known for device ${device} of ${jid} yet`);
        repo.setTrust(account, jid, device, trust);
        changed(jid);
        return deviceView({ ...row, trust });
      },
      protocolFor: async (peer) => ((await api.enabledFor(peer)) ? 'omemo' : undefined),
      enabledFor: async (peer) => {
        const chosen = repo.chatEnabled(account, peer);
        if (chosen !== undefined) return chosen;
        const context = await whenReady().catch(() => undefined);
        const ids = context ? await context.deviceIds(peer).catch(() => []) : [];
        return ids.length > 0 || repo.devices(account, peer).some((d) => d.active);
      },
      prepare: async (recipients) => {
        const context = await whenReady();
        const { skipped } = await serial(() => resolveRecipients(context, recipients));
        return {
          ...api.origin(),
          ...(skipped.length > 0 ? { skipped: skipped.map(({ jid, device }) => ({ jid, device })) } : {}),
        };
      },
      origin: () => {
        const device = repo.identity(account)?.deviceId;
        return { protocol: 'omemo', jid: ownJid(), ...(device !== undefined ? { device } : {}) };
      },
      seal: async (recipients, body) => {
        const context = await whenReady();
        const { encrypted, devices } = await serial(() => encryptMessage(context, recipients, body));
        healing.sent(devices);
        return [
          buildEncrypted(encrypted),
          el('store', NS_HINTS),
          el('encryption', NS_EME, { namespace: NS_OMEMO, name: 'OMEMO' }),
          xml('body', {}, FALLBACK_BODY),
        ];
      },
      carries: (message) => message.getChild('encrypted', NS_OMEMO) !== undefined,
      receive: (message, sender, record, ingest) =>
        serial(async () => {
          let encryption: MessageEncryption;
          let body = '';
          try {
            const parsed = parseEncrypted(message);
            if (!parsed) return false;
            const result = await decryptMessage(await whenReady(), sender, parsed);
            if (result.kind === 'message' || result.kind === 'keyTransport')
              healing.received(sender, result.device, result.preKey);
            // Only a recent message says the session is broken now (an archived one may predate a reset).
            else if (result.kind === 'undecryptable' && result.repairable && Date.now() - record.timestamp < RECENT_MS)
              healing.broken(sender, result.device);
            if (result.kind === 'duplicate' || result.kind === 'keyTransport' || result.kind === 'ignored')
              return false;
            encryption =
              result.kind === 'message'
                ? { protocol: 'omemo', jid: sender, device: result.device, trust: result.trust }
                : { protocol: 'omemo', jid: sender, device: result.device, error: result.error };
            if (result.kind === 'message') body = result.body;
          } catch (error) {
            encryption = { protocol: 'omemo', error: error instanceof Error ? error.message : String(error) };
          }
          if (encryption.error && (record.replaces || record.retracts)) return false;
          const stored = ingest({ ...record, body, encryption });
          if (bundleDirty && !syncing)
            await publishOwnBundle().catch((error: unknown) =>
              log.warn('could not republish the bundle', { error: String(error) }),
            );
          return stored;
        }),
      afterPending: (task) => {
        void serial(() => Promise.resolve(task())).catch((error: unknown) =>
          log.warn('a message handler failed', { error: String(error) }),
        );
      },
      historySynced: () => {
        syncing = false;
        void serial(async () => {
          repo.deleteConsumedPreKeys(account);
          if (bundleDirty) await publishOwnBundle();
        }).catch((error: unknown) => log.warn('could not republish the bundle', { error: String(error) }));
      },
      dispose: () => {
        offOnline();
        offOffline();
        offMessage();
        disco.removeFeature(notify);
      },
    };
    return api;
  },
};
