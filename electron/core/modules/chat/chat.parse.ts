import { type BareJid, resourceOf, toBareJid, toFullJid } from '../../../../shared/model/jid.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { NS_OMEMO } from '../omemo/omemo.xml.ts';
import { NS_OMEMO2 } from '../omemo/v2/omemo2.xml.ts';
import { NS_OX } from '../openpgp/ox.xml.ts';
import { NS_LEGACY_ENCRYPTED } from '../openpgp/legacy.ts';
import { bodyOf } from '../../xmpp/body.ts';
import { NS_REACTIONS } from '../../xmpp/relations.ts';

export const NS_SID = 'urn:xmpp:sid:0';
export const NS_CORRECT = 'urn:xmpp:message-correct:0';
export const NS_RETRACT = 'urn:xmpp:message-retract:1';
export const NS_DELAY = 'urn:xmpp:delay';
const MAX_ID = 256;
const CLOCK_SKEW_MS = 60_000;

/** What every copy of a chat message carries, however it reached us. */
interface ChatContent {
  from: string;
  peer: BareJid;
  body: string;
  originId: string | undefined;
  stanzaId: string | undefined;
  timestamp: number | undefined;
  /** This message corrects (XEP-0308) the message with this id. */
  replaces: string | undefined;
  /** This message retracts (XEP-0424) the message with this id. */
  retracts: string | undefined;
  /** XEP-0066: the URL the sender shares as a file. */
  oobUrl: string | undefined;
  /** End-to-end encrypted (OMEMO, OpenPGP): the body is only a fallback text until decrypted. */
  encrypted: boolean;
}

export interface IncomingChat extends ChatContent {
  kind: 'chat';
  /** The sender's resource, for resource locking (RFC 6121 §5.1). */
  resource: string | undefined;
}

export type ParsedMessage = IncomingChat | { kind: 'error'; id: string; peer: BareJid };

function shortId(value: string | undefined): string | undefined {
  return value && value.length <= MAX_ID ? value : undefined;
}

/** A delay stamp (XEP-0203) for messages stored offline; never trusted to be in the future. */
export function parseDelay(stanza: Element, now = Date.now()): number | undefined {
  const stamp = stanza.getChild('delay', NS_DELAY)?.attrs.stamp;
  const time = stamp ? Date.parse(stamp) : Number.NaN;
  return Number.isFinite(time) && time <= now + CLOCK_SKEW_MS ? Math.min(time, now) : undefined;
}

/** The first XEP-0066 URL, when it is a plausible one. */
export function oobUrlOf(stanza: Element): string | undefined {
  const url = stanza.getChild('x', 'jabber:x:oob')?.getChildText('url')?.trim();
  return url && url.length <= 4096 ? url : undefined;
}

const isEncrypted = (stanza: Element): boolean =>
  stanza.getChild('encrypted', NS_OMEMO) !== undefined ||
  stanza.getChild('encrypted', NS_OMEMO2) !== undefined ||
  stanza.getChild('openpgp', NS_OX) !== undefined ||
  stanza.getChild('x', NS_LEGACY_ENCRYPTED) !== undefined;

/** Corrections and retractions a stanza (or an OpenPGP payload, which carries them inside) names. */
export function editsOf(stanza: Element): { replaces: string | undefined; retracts: string | undefined } {
  return {
    replaces: shortId(stanza.getChild('replace', NS_CORRECT)?.attrs.id),
    retracts: shortId(stanza.getChild('retract', NS_RETRACT)?.attrs.id),
  };
}

/** A 1:1 message with a body (or a retraction), or an error bounce; undefined for anything else (chat states, groupchat, junk). */
export function parseChatMessage(stanza: Element, ownBare: BareJid): ParsedMessage | undefined {
  const from = stanza.attrs.from ?? '';
  const peer = toBareJid(from);
  if (!peer) return undefined;
  const type = stanza.attrs.type ?? 'normal';
  if (type === 'error') {
    const id = shortId(stanza.attrs.id);
    return id ? { kind: 'error', id, peer } : undefined;
  }
  // Our own server's announcements (XEP-0133) come as headlines: shown, subject first. Nobody else's are.
  const announcement = type === 'headline' && peer === ownBare.slice(ownBare.indexOf('@') + 1);
  if (type !== 'chat' && type !== 'normal' && !announcement) return undefined;
  const subject = announcement ? (stanza.getChildText('subject') ?? '').trim() : '';
  const body = [subject, bodyOf(stanza) ?? ''].filter((part) => part !== '').join('\n');
  const edits = editsOf(stanza);
  const encrypted = isEncrypted(stanza);
  if (body.trim().length === 0 && !edits.retracts && !encrypted && !stanza.getChild('reactions', NS_REACTIONS))
    return undefined;
  const full = toFullJid(from);
  return {
    ...edits,
    kind: 'chat',
    encrypted,
    from,
    peer,
    resource: full ? resourceOf(full) : undefined,
    body,
    oobUrl: encrypted ? undefined : oobUrlOf(stanza),
    originId: shortId(stanza.getChild('origin-id', NS_SID)?.attrs.id),
    // Our server appends its own stanza-id; one a sender smuggled in stands before it (Prosody 0.12 does not strip it).
    stanzaId: shortId(
      stanza
        .getChildren('stanza-id', NS_SID)
        .filter((s) => s.attrs.by === ownBare)
        .at(-1)?.attrs.id,
    ),
    timestamp: parseDelay(stanza),
  };
}

/** A message as another copy shows it (a carbon or an archive result): either direction, any of our devices. */
export interface ForwardedChat extends ChatContent {
  direction: 'in' | 'out';
}

/**
 * The <message/> inside a <forwarded/> (XEP-0297). Sent by our own bare JID (from any resource) means
 * ours, to the peer in `to`; anything else is from the peer in `from`.
 */
export function parseForwardedChat(
  inner: Element | undefined,
  ownBare: BareJid,
  archiveId?: string,
): ForwardedChat | undefined {
  if (!inner?.is('message')) return undefined;
  const type = inner.attrs.type ?? 'normal';
  if (type !== 'chat' && type !== 'normal') return undefined;
  const body = bodyOf(inner) ?? '';
  const edits = editsOf(inner);
  const encrypted = isEncrypted(inner);
  if (body.trim().length === 0 && !edits.retracts && !encrypted && !inner.getChild('reactions', NS_REACTIONS))
    return undefined;
  const fromBare = toBareJid(inner.attrs.from ?? '');
  const toBare = toBareJid(inner.attrs.to ?? '');
  if (!fromBare) return undefined;
  const direction = fromBare === ownBare ? 'out' : 'in';
  const peer = direction === 'out' ? toBare : fromBare;
  if (!peer) return undefined;
  const fromFull = toFullJid(inner.attrs.from ?? '');
  return {
    ...edits,
    direction,
    peer,
    body,
    encrypted,
    oobUrl: encrypted ? undefined : oobUrlOf(inner),
    from: direction === 'out' ? (fromFull ? resourceOf(fromFull) : '') : (inner.attrs.from ?? peer),
    originId: shortId(inner.getChild('origin-id', NS_SID)?.attrs.id),
    stanzaId:
      shortId(archiveId) ??
      shortId(
        inner
          .getChildren('stanza-id', NS_SID)
          .filter((s) => s.attrs.by === ownBare)
          .at(-1)?.attrs.id,
      ),
    timestamp: parseDelay(inner),
  };
}
