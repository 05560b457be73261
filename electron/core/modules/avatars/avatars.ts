// Avatars: XEP-0084 (PEP, +notify) first, XEP-0153 vCard-temp photos as the fallback, for contacts, rooms
// (XEP-0486, the room's vCard) and our own account; ours published to both, or to PEP alone where the
// server converts (XEP-0398). Every image is checked (size, first bytes, announced SHA-1) before it is
// kept; one fetch at a time per address, and a hash that was refused once is not fetched again.
import type { AvatarImage } from '../../../../shared/model/avatar.ts';
import { MAX_AVATAR_BYTES } from '../../../../shared/model/avatar.ts';
import { type BareJid, toBareJid } from '../../../../shared/model/jid.ts';
import type { AvatarCache } from '../../files/avatarCache.ts';
import { NS_PUBSUB, publishOpenItem } from '../../xmpp/pep.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { tryAgain } from '../../tryAgain.ts';
import { discoInfo, extendedField } from '../disco/queries.ts';
import type { PresenceApi } from '../presence/presence.ts';
import type { AvatarSource } from '../../store/avatarsRepo.ts';
import {
  decodeBase64,
  NS_AVATAR_DATA,
  NS_AVATAR_METADATA,
  NS_VCARD,
  NS_VCARD_UPDATE,
  parseAvatarMetadata,
  parsePhotoUpdate,
} from './avatars.parse.ts';

const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
const NS_VCARD_CONVERSION = 'urn:xmpp:pep-vcard-conversion:0';
const MAX_REFUSED = 1000;
const ROOM_INFO = 'http://jabber.org/protocol/muc#roominfo';

/** Waits before a picture's fetch is tried again, while the server catches up. */
const FETCH_RETRY_MS = [1000, 3000];

export interface AvatarsApi {
  /** Publishes our avatar (checked, ≤ 192 px from the app), or removes it with undefined. */
  setOwn(image: AvatarImage | undefined): Promise<void>;
  /**
   * A room occupant's picture by the hash its presence announced, fetched from its vCard through the room
   * (which passes the query to the occupant's account). Asked for on display only: one fetch at a time for
   * the whole account, each hash once. Whether the picture is in the cache afterwards.
   */
  occupant(occupantJid: string, hash: string): Promise<boolean>;
  /** A room owner sets (or with undefined removes) the room's picture, its vCard photo (XEP-0486). */
  setRoom(room: BareJid, image: AvatarImage | undefined): Promise<void>;
}

function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 24 || bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function setupAvatars(
  ctx: ModuleContext,
  deps: { cache: AvatarCache; presence: PresenceApi },
): AvatarsApi & { dispose(): void } {
  const { account, xmpp, store, emit, log, disco } = ctx;
  const { cache } = deps;
  disco.addFeature(`${NS_AVATAR_METADATA}+notify`);
  const wanted = new Map<BareJid, { hash: string; source: AvatarSource }>();
  const busy = new Set<BareJid>();
  const refused = new Set<string>();

  const show = (jid: BareJid, hash: string | undefined, source: AvatarSource): void => {
    const known = store.avatars.get(account, jid);
    if (hash === undefined) {
      if (!known || known.source !== source) return;
      store.avatars.remove(account, jid);
    } else {
      if (known?.hash === hash && known.source === source) return;
      store.avatars.set(account, jid, hash, source);
    }
    emit('avatar.changed', { account, jid, ...(hash ? { hash } : {}) });
  };

  const download = async (
    jid: string,
    hash: string,
    source: AvatarSource,
  ): Promise<Buffer | 'too-large' | undefined> => {
    if (source === 'pep') {
      const answer = await xmpp.iq(
        'get',
        jid,
        el('pubsub', NS_PUBSUB, {}, xml('items', { node: NS_AVATAR_DATA }, xml('item', { id: hash }))),
      );
      const item = answer
        .getChild('pubsub', NS_PUBSUB)
        ?.getChild('items')
        ?.getChildren('item')
        .find((i) => i.attrs.id?.toLowerCase() === hash);
      return decodeBase64(item?.getChild('data', NS_AVATAR_DATA)?.text(), MAX_AVATAR_BYTES);
    }
    const vcard = (await xmpp.iq('get', jid, el('vCard', NS_VCARD))).getChild('vCard', NS_VCARD);
    return decodeBase64(vcard?.getChild('PHOTO')?.getChildText('BINVAL') ?? undefined, MAX_AVATAR_BYTES);
  };

  /** Downloads and checks a picture (size, first bytes, hash); a refused hash is remembered. */
  const fetchChecked = async (jid: string, hash: string, source: AvatarSource): Promise<boolean> => {
    // A server may announce a picture a moment before it can hand it out (ejabberd stores a vCard, and converts
    // a PEP avatar into one, on its own time): a failed fetch is tried again, and never counts as a refusal.
    const logFailure = (error: unknown): void => log.debug('could not fetch an avatar', { jid, error: String(error) });
    const bytes = await tryAgain(
      () => download(jid, hash, source),
      FETCH_RETRY_MS,
      (error) => {
        logFailure(error);
        return true;
      },
    ).catch((error: unknown) => {
      logFailure(error);
      return 'failed' as const;
    });
    if (bytes === 'failed') return false;
    const kept = bytes && bytes !== 'too-large' ? cache.put(bytes, hash) : { refused: bytes ?? 'not-an-image' };
    if (!('refused' in kept)) return true;
    if (refused.size >= MAX_REFUSED) refused.clear();
    refused.add(hash);
    log.warn('refused an avatar', { jid, reason: kept.refused });
    return false;
  };

  /** One fetch at a time per address; a newer announcement waits for the running one, then wins. */
  const pump = async (jid: BareJid): Promise<void> => {
    if (busy.has(jid)) return;
    busy.add(jid);
    try {
      for (let next = wanted.get(jid); next; next = wanted.get(jid)) {
        wanted.delete(jid);
        const { hash, source } = next;
        if (cache.has(hash)) {
          show(jid, hash, source);
          continue;
        }
        if (!refused.has(hash) && (await fetchChecked(jid, hash, source))) show(jid, hash, source);
      }
    } finally {
      busy.delete(jid);
    }
  };
  const want = (jid: BareJid, hash: string | null, source: AvatarSource): void => {
    if (hash === null) {
      wanted.delete(jid);
      show(jid, undefined, source);
      return;
    }
    if (store.avatars.get(account, jid)?.hash === hash) return;
    wanted.set(jid, { hash, source });
    void pump(jid);
  };

  const occupantFetches = new Map<string, Promise<boolean>>();
  let occupantQueue: Promise<unknown> = Promise.resolve();
  const fetchOccupant = (occupantJid: string, hash: string): Promise<boolean> => {
    if (cache.has(hash)) return Promise.resolve(true);
    if (refused.has(hash)) return Promise.resolve(false);
    const running = occupantFetches.get(hash);
    if (running) return running;
    const fetched = occupantQueue.then(() => fetchChecked(occupantJid, hash, 'vcard'));
    occupantQueue = fetched.catch(() => undefined);
    occupantFetches.set(hash, fetched);
    void fetched.finally(() => occupantFetches.delete(hash)).catch(() => undefined);
    return fetched;
  };

  const offMessage = xmpp.onMessage((stanza) => {
    const changedRoom = stanza.attrs.type === 'groupchat' && toBareJid(stanza.attrs.from ?? '');
    if (changedRoom && changedRoom === stanza.attrs.from && statusCodes(stanza).includes('104')) checkRoom(changedRoom);
    const items = stanza.getChild('event', NS_PUBSUB_EVENT)?.getChild('items');
    const from = stanza.attrs.from ?? '';
    const jid = toBareJid(from);
    if (items?.attrs.node !== NS_AVATAR_METADATA || !jid || jid !== from) return;
    const hash = parseAvatarMetadata(items.getChild('item')?.getChild('metadata', NS_AVATAR_METADATA));
    if (hash !== undefined) want(jid, hash, 'pep');
  });
  /** XEP-0486: a room's avatar hash is in its disco#info; looked up once per join and on a change (104). */
  const roomsChecked = new Set<BareJid>();
  const checkRoom = (room: BareJid): void => {
    roomsChecked.add(room);
    discoInfo(xmpp, room)
      .then((info) => {
        const hash = (extendedField(info, ROOM_INFO, 'muc#roominfo_avatarhash') ?? '').toLowerCase();
        if (/^[0-9a-f]{40}$/u.test(hash)) want(room, hash, 'vcard');
      })
      .catch(() => undefined);
  };
  const statusCodes = (stanza: Element): string[] =>
    (stanza.getChild('x', NS_MUC_USER)?.getChildren('status') ?? []).map((s) => s.attrs.code ?? '');
  const offOffline = ctx.lifecycle.onOffline(() => roomsChecked.clear());

  const offPresence = xmpp.onPresence((stanza) => {
    const room = toBareJid(stanza.attrs.from ?? '');
    if (room && !stanza.attrs.type && statusCodes(stanza).includes('110') && !roomsChecked.has(room)) checkRoom(room);
    if (stanza.attrs.type || stanza.getChild('x', NS_MUC_USER)) return;
    const hash = parsePhotoUpdate(stanza);
    const jid = toBareJid(stanza.attrs.from ?? '');
    if (hash === undefined || !jid) return;
    // PEP wins: a vCard hash only counts while the address has no PEP avatar.
    if (store.avatars.get(account, jid)?.source === 'pep') return;
    want(jid, hash, 'vcard');
  });
  const offExtension = deps.presence.addExtension(() => {
    const own = store.avatars.get(account, account);
    return xml('x', { xmlns: NS_VCARD_UPDATE }, own ? xml('photo', {}, own.hash) : undefined);
  });

  // Open, as Conversations does: room occupants and people not yet in the roster see it too.
  const publish = (node: string, id: string, payload: Element): Promise<void> =>
    publishOpenItem(xmpp, node, id, payload);
  /** Replaces the photo of a vCard (ours, or a room's), keeping its other fields. */
  const setVcardPhoto = async (to: BareJid | undefined, image: { base64: string; type: string } | undefined) => {
    const current = (await xmpp.iq('get', to, el('vCard', NS_VCARD)).catch(() => undefined))?.getChild(
      'vCard',
      NS_VCARD,
    );
    const kept = (current?.getChildElements() ?? []).filter((child) => child.name !== 'PHOTO');
    const photo = image ? xml('PHOTO', {}, xml('TYPE', {}, image.type), xml('BINVAL', {}, image.base64)) : undefined;
    await xmpp.iq('set', to, el('vCard', NS_VCARD, {}, ...kept, ...(photo ? [photo] : [])));
  };
  const updateVcard = async (image: { base64: string; type: string } | undefined): Promise<void> => {
    const info = await discoInfo(xmpp, account).catch(() => undefined);
    if (info?.features.includes(NS_VCARD_CONVERSION)) return; // the server keeps the vCard in step (XEP-0398)
    await setVcardPhoto(undefined, image);
  };
  /** The same checks a contact's picture passes: size, first bytes (no SVG); kept in the cache. */
  const checked = (image: AvatarImage): { bytes: Buffer; hash: string; type: string } => {
    const bytes = decodeBase64(image.base64, MAX_AVATAR_BYTES);
    if (!bytes || bytes === 'too-large') throw new Error('The picture is too large for an avatar.');
    const kept = cache.put(bytes);
    if ('refused' in kept) throw new Error(`The picture cannot be an avatar (${kept.refused}).`);
    return { bytes, hash: kept.hash, type: kept.type };
  };

  return {
    setOwn: async (image) => {
      if (!image) {
        await publish(NS_AVATAR_METADATA, 'current', el('metadata', NS_AVATAR_METADATA));
        await updateVcard(undefined);
        show(account, undefined, 'pep');
        await deps.presence.announce();
        return;
      }
      const kept = checked(image);
      const { bytes } = kept;
      const base64 = bytes.toString('base64');
      await publish(NS_AVATAR_DATA, kept.hash, el('data', NS_AVATAR_DATA, {}, base64));
      const size = pngSize(bytes);
      await publish(
        NS_AVATAR_METADATA,
        kept.hash,
        el(
          'metadata',
          NS_AVATAR_METADATA,
          {},
          xml('info', {
            id: kept.hash,
            bytes: String(bytes.length),
            type: kept.type,
            ...(size ? { width: String(size.width), height: String(size.height) } : {}),
          }),
        ),
      );
      await updateVcard({ base64, type: kept.type });
      show(account, kept.hash, 'pep');
      await deps.presence.announce();
    },
    occupant: fetchOccupant,
    setRoom: async (room, image) => {
      const kept = image ? checked(image) : undefined;
      await setVcardPhoto(room, kept ? { base64: kept.bytes.toString('base64'), type: kept.type } : undefined);
      checkRoom(room); // rooms that do not send status 104 for a new picture
    },
    dispose: () => {
      offMessage();
      offPresence();
      offExtension();
      offOffline();
      disco.removeFeature(`${NS_AVATAR_METADATA}+notify`);
    },
  };
}
