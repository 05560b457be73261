// SDP directions are from the writer's point of view; Jingle `senders` from the initiator's (XEP-0167 §8).
import type { SdpAuthor, Senders } from './jingle.types.ts';

export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export function sendersOf(direction: SdpDirection, author: SdpAuthor): Senders {
  if (direction === 'sendrecv') return 'both';
  if (direction === 'inactive') return 'none';
  const authorSends = direction === 'sendonly';
  if (author === 'initiator') return authorSends ? 'initiator' : 'responder';
  return authorSends ? 'responder' : 'initiator';
}

export function directionOf(senders: Senders, author: SdpAuthor): SdpDirection {
  if (senders === 'both') return 'sendrecv';
  if (senders === 'none') return 'inactive';
  return senders === author ? 'sendonly' : 'recvonly';
}

export const isDirection = (value: string): value is SdpDirection =>
  value === 'sendrecv' || value === 'sendonly' || value === 'recvonly' || value === 'inactive';
