// Runtime checks of every command's argument; used by Electron IPC and the WebSocket bridge alike.
import { PRIORITY_MAX, PRIORITY_MIN } from '../model/account.ts';
import { CHAT_STATES, MAX_BODY_CHARS, MAX_REACTIONS_PER_MESSAGE } from '../model/message.ts';
import { PRESENCE_SHOWS } from '../model/presence.ts';
import { isBareJid, toFullJid } from '../model/jid.ts';
import { AFFILIATIONS, ROLES } from '../model/muc.ts';
import { FILE_CHUNK_BYTES, MAX_DOWNLOAD_BYTES, MAX_READ_BYTES } from '../model/file.ts';
import { CONSOLE_MAX_SEND_CHARS } from '../model/console.ts';
import { MAX_DRAFT_CHARS } from '../model/conversation.ts';
import { MAX_SEARCH_CHARS, MAX_SEARCH_RESULTS } from '../model/search.ts';
import { ADHOC_ACTIONS } from '../model/disco.ts';
import { AVATAR_TYPES, MAX_AVATAR_BYTES } from '../model/avatar.ts';
import { MAX_PROFILE_FIELD_CHARS, PROFILE_FIELDS } from '../model/profile.ts';
import { CHAT_PROTOCOLS } from '../model/openpgp.ts';
import type { CommandArg, CommandName } from './contract.ts';
import { callSchemas } from './callValidate.ts';
import {
  arrayOf,
  bareJid,
  boolean,
  bytes,
  type Guard,
  int,
  nonEmpty,
  object,
  oneOf,
  optional,
  recordOf,
  str,
} from './guards.ts';

const account = bareJid;
const priority = optional(int(PRIORITY_MIN, PRIORITY_MAX));
const port = optional(int(1, 65535));
const tls = optional(oneOf('starttls', 'direct'));
const fingerprint: Guard = (v, p) =>
  typeof v === 'string' && /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/u.test(v)
    ? undefined
    : `${p} must be a SHA-256 fingerprint (AB:CD:…)`;
const server = {
  domain: nonEmpty(1023),
  host: optional(nonEmpty(255)),
  port,
  tls,
  pinnedFingerprint: optional(fingerprint),
};

/** A conversation: a bare JID, or room/nick for a private message in a group chat. */
const chatPeer: Guard = (v, p) =>
  typeof v === 'string' && (isBareJid(v) || (toFullJid(v) === v && isBareJid(v.slice(0, v.indexOf('/')))))
    ? undefined
    : `${p} must be a valid JID`;

/** A bare or full JID. */
const chatPeerOrFull: Guard = (v, p) =>
  typeof v === 'string' && (isBareJid(v) || toFullJid(v) === v) ? undefined : `${p} must be a valid JID`;

const upload = nonEmpty(64);
const url = nonEmpty(4096);
const fileId: Guard = (v, p) =>
  typeof v === 'string' && /^[0-9a-f]{64}$/u.test(v) ? undefined : `${p} must be a file id`;

const hexColor: Guard = (v, p) =>
  typeof v === 'string' && /^(#[0-9a-f]{6})?$/iu.test(v) ? undefined : `${p} must be a colour like #1a2b3c`;
const pgpFingerprint: Guard = (v, p) =>
  typeof v === 'string' && /^[0-9A-F]{40}$/u.test(v) ? undefined : `${p} must be an OpenPGP fingerprint`;
const avatarHash: Guard = (v, p) =>
  typeof v === 'string' && /^[0-9a-f]{40}$/u.test(v) ? undefined : `${p} must be a SHA-1 hash`;
const avatarImage = object({ type: oneOf(...AVATAR_TYPES), base64: nonEmpty(Math.ceil(MAX_AVATAR_BYTES / 3) * 4) });

const recordOfLists: Guard = (v, p) => recordOf(arrayOf(str(4096), 500), 200)(v, p);

const schemas: { [K in CommandName]: Guard } = {
  ...callSchemas,
  'account.list': object({}),
  'secrets.status': object({}),
  'secrets.setRememberPasswords': object({ remember: boolean }),
  'account.add': object({
    jid: nonEmpty(3071),
    password: nonEmpty(1024),
    resource: optional(str(1023)),
    priority,
    host: optional(nonEmpty(255)),
    port,
    tls,
  }),
  'account.update': object({
    account,
    password: optional(nonEmpty(1024)),
    resource: optional(str(1023)),
    priority,
    host: optional(str(255)),
    port,
    tls,
  }),
  'account.remove': object({ account }),
  'account.connect': object({ account }),
  'account.disconnect': object({ account }),
  'account.trustCertificate': object({ account, fingerprint }),
  'account.changePassword': object({ account, password: nonEmpty(1024) }),
  'account.deleteOnServer': object({ account, confirm: str(3071) }),
  'account.setEnabled': object({ account, enabled: boolean }),
  'account.setColor': object({ account, color: hexColor }),
  'account.reorder': object({ accounts: arrayOf(account, 100) }),
  'account.registrationForm': object(server),
  'account.register': object({
    ...server,
    username: nonEmpty(1023),
    password: nonEmpty(1024),
    fields: recordOf(str(4096)),
  }),
  'roster.list': object({ account }),
  'roster.set': object({
    account,
    jid: bareJid,
    name: optional(str(1024)),
    groups: optional(arrayOf(nonEmpty(1024), 100)),
  }),
  'roster.remove': object({ account, jid: bareJid }),
  'presence.subscribe': object({ account, jid: bareJid }),
  'presence.approve': object({ account, jid: bareJid }),
  'presence.deny': object({ account, jid: bareJid }),
  'presence.set': object({ account, show: oneOf(...PRESENCE_SHOWS), status: optional(str(1024)), priority }),
  'presence.setIdle': object({ account, show: optional(oneOf('away', 'xa')), since: optional(int(0, 8.64e15)) }),
  'presence.list': object({ account }),
  'presence.lastActivity': object({ account, jid: chatPeerOrFull }),
  'chat.send': object({ account, to: bareJid, body: nonEmpty(MAX_BODY_CHARS), replyTo: optional(nonEmpty(256)) }),
  'export.count': object({ account: optional(account), peer: optional(chatPeer) }),
  'export.page': object({
    account: optional(account),
    peer: optional(chatPeer),
    offset: int(0, Number.MAX_SAFE_INTEGER),
    limit: int(1, 1000),
  }),
  'search.messages': object({
    text: nonEmpty(MAX_SEARCH_CHARS),
    account: optional(account),
    peer: optional(chatPeer),
    sender: optional(str(256)),
    since: optional(int(0, Number.MAX_SAFE_INTEGER)),
    until: optional(int(0, Number.MAX_SAFE_INTEGER)),
    limit: optional(int(1, MAX_SEARCH_RESULTS)),
  }),
  'search.server': object({
    account,
    text: nonEmpty(MAX_SEARCH_CHARS),
    peer: optional(bareJid),
    before: optional(str(256)),
  }),
  'message.react': object({
    account,
    id: nonEmpty(256),
    emojis: arrayOf(nonEmpty(32), MAX_REACTIONS_PER_MESSAGE),
  }),
  'chat.correct': object({ account, id: nonEmpty(256), body: nonEmpty(MAX_BODY_CHARS) }),
  'chat.retract': object({ account, id: nonEmpty(256) }),
  'chat.markDisplayed': object({ account, peer: bareJid, id: nonEmpty(256) }),
  'chat.setChatState': object({ account, peer: bareJid, state: oneOf(...CHAT_STATES) }),
  'blocklist.list': object({ account }),
  'blocklist.block': object({ account, jid: bareJid }),
  'blocklist.unblock': object({ account, jid: bareJid }),
  'client.setActive': object({ active: boolean }),
  'client.wake': object({}),
  'chat.conversations': object({}),
  'chat.markRead': object({ account, peer: chatPeer }),
  'chat.setUnread': object({ account, peer: chatPeer, unread: boolean }),
  'chat.setPinned': object({ account, peer: chatPeer, pinned: boolean }),
  'chat.close': object({ account, peer: chatPeer }),
  'chat.touch': object({ account, peer: chatPeer }),
  'chat.setDraft': object({ account, peer: chatPeer, text: str(MAX_DRAFT_CHARS) }),
  'console.open': object({ account }),
  'console.close': object({ account }),
  'console.send': object({ account, xml: nonEmpty(CONSOLE_MAX_SEND_CHARS) }),
  'archive.catchUp': object({ account }),
  'archive.state': object({ account }),
  'muc.join': object({
    account,
    room: bareJid,
    nick: nonEmpty(1023),
    password: optional(str(1024)),
    configure: optional(boolean),
  }),
  'muc.create': object({
    account,
    room: bareJid,
    nick: nonEmpty(1023),
    name: str(256),
    preset: oneOf('private', 'public'),
  }),
  'muc.leave': object({ account, room: bareJid }),
  'muc.rooms': object({ account }),
  'muc.occupants': object({ account, room: bareJid }),
  'muc.send': object({ account, room: bareJid, body: nonEmpty(MAX_BODY_CHARS), replyTo: optional(nonEmpty(256)) }),
  'muc.setSubject': object({ account, room: bareJid, subject: str(4096) }),
  'muc.setNick': object({ account, room: bareJid, nick: nonEmpty(1023) }),
  'muc.markRead': object({ account, room: bareJid }),
  'muc.sendPrivate': object({ account, room: bareJid, nick: nonEmpty(1023), body: nonEmpty(MAX_BODY_CHARS) }),
  'muc.setRole': object({
    account,
    room: bareJid,
    nick: nonEmpty(1023),
    role: oneOf(...ROLES),
    reason: optional(str(1024)),
  }),
  'muc.setAffiliation': object({
    account,
    room: bareJid,
    jid: bareJid,
    affiliation: oneOf(...AFFILIATIONS),
    reason: optional(str(1024)),
  }),
  'muc.affiliations': object({ account, room: bareJid, affiliation: oneOf(...AFFILIATIONS) }),
  'muc.getConfig': object({ account, room: bareJid }),
  'muc.submitConfig': object({ account, room: bareJid, values: recordOfLists }),
  'muc.moderate': object({ account, room: bareJid, stanzaId: nonEmpty(256), reason: optional(str(1024)) }),
  'muc.destroy': object({ account, room: bareJid, reason: optional(str(1024)) }),
  'muc.discover': object({ account, service: optional(bareJid) }),
  'disco.info': object({ account, jid: chatPeerOrFull, node: optional(nonEmpty(1024)) }),
  'disco.items': object({ account, jid: chatPeerOrFull, node: optional(nonEmpty(1024)) }),
  'adhoc.list': object({ account, jid: chatPeerOrFull }),
  'adhoc.execute': object({
    account,
    jid: chatPeerOrFull,
    node: nonEmpty(1024),
    sessionId: optional(nonEmpty(1024)),
    action: optional(oneOf(...ADHOC_ACTIONS)),
    values: optional(recordOfLists),
  }),
  'entity.version': object({ account, jid: chatPeerOrFull }),
  'entity.time': object({ account, jid: chatPeerOrFull }),
  'entity.caps': object({ account, jid: chatPeerOrFull }),
  'privacy.get': object({}),
  'privacy.set': object({ version: boolean, os: boolean, time: boolean, lastActivity: boolean }),
  'profile.own': object({ account }),
  'profile.setOwn': object({
    account,
    profile: object(Object.fromEntries(PROFILE_FIELDS.map((f) => [f, str(MAX_PROFILE_FIELD_CHARS)]))),
  }),
  'profile.get': object({ account, jid: bareJid }),
  'avatar.list': object({ account }),
  'avatar.get': object({ hash: avatarHash }),
  'avatar.occupant': object({ account, room: bareJid, nick: nonEmpty(1023) }),
  'avatar.setOwn': object({ account, image: optional(avatarImage) }),
  'avatar.setRoom': object({ account, room: bareJid, image: optional(avatarImage) }),
  'gateway.form': object({ account, jid: bareJid }),
  'gateway.register': object({ account, jid: bareJid, fields: recordOf(str(4096)) }),
  'gateway.unregister': object({ account, jid: bareJid }),
  'gateway.list': object({ account }),
  'gateway.prompt': object({ account, jid: bareJid }),
  'gateway.translate': object({ account, jid: bareJid, address: nonEmpty(1024) }),
  'bookmarks.list': object({ account }),
  'bookmarks.set': object({
    account,
    bookmark: object({
      room: bareJid,
      name: str(1024),
      nick: str(1023),
      autojoin: boolean,
      password: optional(str(1024)),
    }),
  }),
  'bookmarks.remove': object({ account, room: bareJid }),
  'muc.invite': object({
    account,
    room: bareJid,
    jid: bareJid,
    reason: optional(str(1024)),
    mediated: optional(boolean),
  }),
  'chat.history': object({
    account,
    peer: chatPeer,
    before: optional(int(0, Number.MAX_SAFE_INTEGER)),
    beforeId: optional(str(256)),
    limit: optional(int(1, 500)),
  }),
  'upload.service': object({ account }),
  'upload.begin': object({
    account,
    to: chatPeer,
    name: nonEmpty(1024),
    size: int(0, Number.MAX_SAFE_INTEGER),
    type: str(255),
  }),
  'upload.chunk': object({ upload, data: bytes(FILE_CHUNK_BYTES) }),
  'upload.finish': object({ upload }),
  'upload.cancel': object({ upload }),
  'files.probe': object({ account, url }),
  'files.download': object({ account, url, maxBytes: int(1, MAX_DOWNLOAD_BYTES) }),
  'files.read': object({ id: fileId, offset: int(0, Number.MAX_SAFE_INTEGER), length: int(1, MAX_READ_BYTES) }),
  'files.open': object({ id: fileId }),
  'files.reveal': object({ id: fileId }),
  'omemo.ownDevice': object({ account }),
  'omemo.chatState': object({ account, peer: bareJid, refresh: optional(boolean) }),
  'omemo.setEnabled': object({ account, peer: bareJid, enabled: boolean }),
  'omemo.setTrust': object({
    account,
    jid: bareJid,
    device: int(1, 0x7fffffff),
    trust: oneOf('blind', 'verified', 'distrusted'),
  }),
  'omemo.verifyUri': object({ account, uri: nonEmpty(4096) }),
  'omemo.removeDevice': object({ account, device: int(1, 0x7fffffff) }),
  'openpgp.ownKey': object({ account }),
  'openpgp.keys': object({ account, jid: bareJid, refresh: optional(boolean) }),
  'openpgp.setTrust': object({
    account,
    jid: bareJid,
    fingerprint: pgpFingerprint,
    trust: oneOf('blind', 'verified', 'distrusted'),
  }),
  'openpgp.importKey': object({ account, armored: nonEmpty(256 * 1024), passphrase: str(1024) }),
  'openpgp.backup': object({ account }),
  'openpgp.restore': object({ account, code: nonEmpty(64) }),
  'openpgp.importContactKey': object({ account, jid: bareJid, armored: nonEmpty(256 * 1024) }),
  'openpgp.setSignPresence': object({ account, sign: boolean }),
  'encryption.get': object({ account, peer: bareJid }),
  'encryption.choose': object({ account, peer: bareJid, protocol: oneOf(...CHAT_PROTOCOLS) }),
};

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(schemas, name);
}

/** Returns the argument, typed, or the reason it is not acceptable. */
export function validateCommand<K extends CommandName>(
  name: K,
  arg: unknown,
): { ok: true; arg: CommandArg<K> } | { ok: false; message: string } {
  const error = schemas[name](arg, 'argument');
  return error ? { ok: false, message: `${name}: ${error}` } : { ok: true, arg: arg as CommandArg<K> };
}
