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
import { createHealing } from './healing.ts';
import { encryptMessage, OmemoUnavailableError, resolveRecipients } from './encrypt.ts';
import { createKeyStore } from './keyStore.ts';
import type { OmemoContext } from './omemoContext.ts';
import { announceOwn, fetchLists } from './deviceLists.ts';
import { publishBundle, publishDeviceList } from './omemo.pep.ts';
import { buildEncrypted, DEVICELIST_NODE, NS_OMEMO, parseDeviceList } from './omemo.xml.ts';
import { bundle2Keys, bundleKeys, ensureIdentity, refreshKeys } from './ownDevice.ts';
import { DEVICE_LABEL, publishBundle2, publishDevices2 } from './v2/omemo2.pep.ts';
import { buildEncrypted2, DEVICES_NODE, type Device2, NS_OMEMO2, parseDevices } from './v2/omemo2.xml.ts';
import { openCopy } from './openCopy.ts';
import { editsOf } from '../chat/chat.parse.ts';
import { formatFingerprint } from './signal.ts';
import { curveToEd } from './v2/crypto2.ts';
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
  /** Takes another device of ours out of both our lists. */
  removeOwnDevice(device: number): Promise<void>;
  /** Ready once our device is announced in this session (tests, and commands that need it). */
  readonly ready: Promise<void>;
}

export const omemo: XmppModule<OmemoApi> = {
  id: 'xep-0384-omemo',
  setup({ account, xmpp, lifecycle, disco, store, emit, log, keyVault }) {
    const repo = store.omemo;
    const notify = [`${DEVICELIST_NODE}+notify`, `${DEVICES_NODE}+notify`];
    for (const feature of notify) disco.addFeature(feature);
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
    let v2Published = false;
    let syncing = true;

    const publishOwnBundle = async (): Promise<void> => {
      if (!ctx) return;
      const vault = await keyVault();
      await refreshKeys(account, repo, vault);
      await publishBundle(xmpp, ctx.ownId, bundleKeys(account, repo));
      // Without its bundle our device stays out of the OMEMO 2 list (peers then use legacy OMEMO).
      v2Published = await publishBundle2(xmpp, ctx.ownId, bundle2Keys(account, repo, vault)).then(
        () => true,
        (error: unknown) => {
          log.warn('could not publish the OMEMO 2 bundle', { error: String(error) });
          return false;
        },
      );
      bundleDirty = false;
    };
    /** Puts our id back into a list of ours that lacks it (another device published without it). */
    const announce = async (legacy?: readonly number[], v2?: readonly Device2[]): Promise<void> => {
      if (!ctx) return;
      if (legacy && !legacy.includes(ctx.ownId)) await publishDeviceList(xmpp, [...legacy, ctx.ownId]);
      if (v2 && v2Published && !v2.some((d) => d.id === ctx?.ownId))
        await publishDevices2(xmpp, [...v2, { id: ctx.ownId, label: DEVICE_LABEL }]);
    };
    const versionsOf = (jid: BareJid): string =>
      repo
        .devices(account, jid)
        .map((d) => `${d.device}:${d.legacy ? 1 : 0}${d.v2 ? 1 : 0}`)
        .sort()
        .join();
    const recordList = (jid: BareJid, ids: number[], version: 1 | 2 = 1): void => {
      const before = versionsOf(jid);
      repo.setDeviceList(account, jid, ids, version);
      if (versionsOf(jid) !== before) changed(jid);
    };
    const recordLists = (jid: BareJid, lists: { legacy: number[]; v2: Device2[] }): void => {
      listsKnown.add(jid);
      recordList(jid, lists.legacy, 1);
      recordList(
        jid,
        lists.v2.map((d) => d.id),
        2,
      );
    };

    const setUp = async (): Promise<void> => {
      const vault = await keyVault();
      const own = ownJid();
      const lists = await fetchLists(xmpp, undefined, log);
      const ownId = await ensureIdentity(account, repo, vault, [...lists.legacy, ...lists.v2.map((d) => d.id)]);
      ctx = {
        account,
        xmpp,
        repo,
        ownId,
        log,
        vault,
        ownJid,
        preKeyUsed: () => {
          bundleDirty = true;
        },
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
          if (!listsKnown.has(jid) && xmpp.online) recordLists(jid, await fetchLists(xmpp, jid, log));
          return repo
            .devices(account, jid)
            .filter((d) => d.active)
            .map((d) => d.device);
        },
      };
      await publishOwnBundle();
      await announceOwn(xmpp, ownId, lists, v2Published).catch((error: unknown) =>
        log.warn('could not announce our OMEMO device', { error: String(error) }),
      );
      recordLists(own, {
        legacy: lists.legacy.includes(ownId) ? lists.legacy : [...lists.legacy, ownId],
        v2: lists.v2.some((d) => d.id === ownId) || !v2Published ? lists.v2 : [...lists.v2, { id: ownId }],
      });
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
      const node = items?.attrs.node;
      if ((node !== DEVICELIST_NODE && node !== DEVICES_NODE) || !jid || jid !== from) return;
      const item = items?.getChild('item');
      const legacy = node === DEVICELIST_NODE ? parseDeviceList(item?.getChild('list')) : undefined;
      const v2 = node === DEVICES_NODE ? parseDevices(item?.getChild('devices', NS_OMEMO2)) : undefined;
      if (legacy) recordList(jid, legacy, 1);
      if (v2)
        recordList(
          jid,
          v2.map((d) => d.id),
          2,
        );
      if (jid === ownJid())
        void serial(() => announce(legacy, v2)).catch((error: unknown) =>
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
          fingerprint2: formatFingerprint(curveToEd(identity.publicKey)),
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
      removeOwnDevice: (device) =>
        serial(async () => {
          const context = await whenReady();
          if (device === context.ownId) throw new OmemoUnavailableError('This device cannot remove itself');
          const lists = await fetchLists(xmpp, undefined, log);
          const legacy = lists.legacy.filter((id) => id !== device);
          const v2 = lists.v2.filter((d) => d.id !== device);
          if (legacy.length !== lists.legacy.length) await publishDeviceList(xmpp, legacy);
          if (v2.length !== lists.v2.length) await publishDevices2(xmpp, v2);
          recordLists(ownJid(), { legacy, v2 });
        }),
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
        const { skipped, devices } = await serial(() => resolveRecipients(context, recipients));
        const v2 = devices.filter((d) => d.version === 2).length;
        const version = v2 === 0 ? 'legacy' : v2 === devices.length ? 'v2' : 'both';
        return {
          ...api.origin(),
          version,
          ...(skipped.length > 0 ? { skipped: skipped.map(({ jid, device }) => ({ jid, device })) } : {}),
        };
      },
      origin: () => {
        const device = repo.identity(account)?.deviceId;
        return { protocol: 'omemo', jid: ownJid(), ...(device !== undefined ? { device } : {}) };
      },
      seal: async (recipients, body, _protocol, inner = [], chat) => {
        const context = await whenReady();
        const to = chat ?? recipients[0] ?? ownJid();
        const sealed = await serial(() => encryptMessage(context, recipients, body, to, inner));
        healing.sent(sealed.devices);
        return [
          sealed.legacy ? buildEncrypted(sealed.legacy) : undefined,
          sealed.v2 ? buildEncrypted2(sealed.v2) : undefined,
          el('store', NS_HINTS),
          el('encryption', NS_EME, { namespace: sealed.legacy ? NS_OMEMO : NS_OMEMO2, name: 'OMEMO' }),
          xml('body', {}, FALLBACK_BODY),
        ].filter((e) => e !== undefined);
      },
      carries: (message) =>
        message.getChild('encrypted', NS_OMEMO) !== undefined || message.getChild('encrypted', NS_OMEMO2) !== undefined,
      receive: (message, sender, record, ingest) =>
        serial(async () => {
          let encryption: MessageEncryption;
          let body = '';
          let edits = { replaces: record.replaces, retracts: record.retracts };
          try {
            const context = await whenReady();
            const { result, version } = await openCopy(context, message, sender, [record.peer, ownJid()]);
            if (!result) return false;
            if (result.kind === 'message' || result.kind === 'keyTransport')
              healing.received(sender, result.device, result.preKey, version);
            // Only a recent message says the session is broken now (an archived one may predate a reset).
            else if (result.kind === 'undecryptable' && result.repairable && Date.now() - record.timestamp < RECENT_MS)
              healing.broken(sender, result.device, version);
            if (result.kind === 'duplicate' || result.kind === 'keyTransport' || result.kind === 'ignored')
              return false;
            encryption = { protocol: 'omemo', jid: sender, device: result.device, version };
            if (result.kind === 'message') {
              encryption.trust = result.trust;
              body = result.body;
              // What the OMEMO 2 envelope names wins over the outer stanza.
              const inside = result.content ? editsOf(result.content) : undefined;
              if (inside?.replaces) edits = { ...edits, replaces: inside.replaces };
              if (inside?.retracts) edits = { ...edits, retracts: inside.retracts };
            } else encryption.error = result.error;
          } catch (error) {
            encryption = { protocol: 'omemo', error: error instanceof Error ? error.message : String(error) };
          }
          if (encryption.error && (record.replaces || record.retracts)) return false;
          const stored = ingest({ ...record, ...edits, body, encryption });
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
        for (const feature of notify) disco.removeFeature(feature);
      },
    };
    return api;
  },
};
