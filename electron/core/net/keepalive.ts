// Notices a dead connection (a laptop that slept, a NAT that forgot us, a network that went away
// without a FIN): when nothing has arrived for a while, ask the server (stream management <r/>, or
// an XEP-0199 ping), and treat no answer within a bound as a dead socket.
import type { Client } from '@xmpp/client-core';

export interface KeepaliveOptions {
  /** Quiet time after which the server is asked (default 60 s). */
  idleMs: number;
  /** How long an answer may take before the socket counts as dead (default 20 s). */
  answerMs: number;
}

export const DEFAULT_KEEPALIVE: KeepaliveOptions = { idleMs: 60_000, answerMs: 20_000 };

export interface Keepalive {
  /** Asks now (after a wake-up or a network change), whatever the quiet time. */
  checkNow(): void;
  stop(): void;
}

export function startKeepalive(
  entity: Client,
  probe: () => void,
  onDead: () => void,
  options: KeepaliveOptions = DEFAULT_KEEPALIVE,
  now: () => number = Date.now,
): Keepalive {
  let last = now();
  let askedAt: number | undefined;
  const onElement = (): void => {
    last = now();
    askedAt = undefined;
  };
  entity.on('element', onElement);
  const ask = (): void => {
    askedAt = now();
    probe();
  };
  const stop = (): void => {
    clearInterval(timer);
    entity.removeListener('element', onElement);
  };
  const timer = setInterval(
    () => {
      const time = now();
      if (askedAt !== undefined) {
        if (time - askedAt >= options.answerMs) {
          stop();
          onDead();
        }
      } else if (time - last >= options.idleMs) ask();
    },
    Math.max(100, Math.min(options.idleMs, options.answerMs) / 4),
  );
  timer.unref();
  return { checkNow: () => askedAt === undefined && ask(), stop };
}
