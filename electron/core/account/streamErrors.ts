// What a stream error from the server (RFC 6120 §4.9) means for the account: stop and say why, follow
// a redirect once, or reconnect with backoff as for any lost connection.
import type { ConnectionErrorCode } from '../../../shared/model/connection.ts';

export interface StreamErrorInfo {
  condition: string;
  text: string;
  /** see-other-host: where to go instead. */
  host?: string | undefined;
  port?: number | undefined;
}

export type StreamErrorVerdict =
  | { kind: 'stop'; code: ConnectionErrorCode; message: string }
  | { kind: 'follow'; host: string; port: number | undefined }
  | { kind: 'retry'; message: string };

/** The stream error behind an error xmpp.js raised, if it is one. */
export function streamErrorOf(error: unknown): StreamErrorInfo | undefined {
  if (!(error instanceof Error) || error.name !== 'StreamError') return undefined;
  const { condition, text, element } = error as Error & {
    condition?: string;
    text?: string;
    element?: { getChildText(name: string): string | null };
  };
  if (!condition) return undefined;
  const info: StreamErrorInfo = { condition, text: (text ?? '').slice(0, 500) };
  if (condition === 'see-other-host') {
    const target = (element?.getChildText('see-other-host') ?? '').trim();
    const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/u.exec(target);
    const host = match?.[1] ?? match?.[2];
    if (host) return { ...info, host, port: match?.[3] ? Number(match[3]) : undefined };
  }
  return info;
}

const STOPS: Partial<Record<string, { code: ConnectionErrorCode; message: string }>> = {
  conflict: { code: 'conflict', message: 'Signed in elsewhere with the same resource' },
  'policy-violation': { code: 'policy-violation', message: 'The server closed the connection for a policy violation' },
  'not-authorized': { code: 'not-authorized', message: 'The server no longer accepts this login' },
  'host-unknown': { code: 'host-unknown', message: 'The server does not serve this domain' },
};

/** `followed`: a redirect was already followed in this run of attempts (a second one is not). */
export function verdictOf(info: StreamErrorInfo, followed: boolean): StreamErrorVerdict {
  if (info.condition === 'see-other-host' && info.host) {
    return followed
      ? { kind: 'stop', code: 'redirect-loop', message: 'The server redirected the connection more than once' }
      : { kind: 'follow', host: info.host, port: info.port };
  }
  const stop = STOPS[info.condition];
  if (stop) return { kind: 'stop', ...stop, message: info.text ? `${stop.message}: ${info.text}` : stop.message };
  return { kind: 'retry', message: `The server closed the stream (${info.condition})` };
}
