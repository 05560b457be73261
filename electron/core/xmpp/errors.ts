import type { ConnectionErrorCode } from '../../../shared/model/connection.ts';
import { type ErrorReason, stanzaReason } from '../../../shared/model/errors.ts';
import type { Element } from './stanza.ts';

const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';

/** An <error/> answer to an iq (RFC 6120 §8.3). */
export class StanzaError extends Error {
  readonly condition: string;
  readonly errorType: string;
  readonly text: string;
  readonly reason: ErrorReason;
  /** An application-specific condition beside the stanza one (XEP-0166's unknown-session, say). */
  readonly appCondition: Element | undefined;
  constructor(condition: string, errorType: string, text: string, appCondition?: Element) {
    super(text ? `${condition}: ${text}` : condition);
    this.name = 'StanzaError';
    this.condition = condition;
    this.appCondition = appCondition;
    this.reason = stanzaReason(condition);
    this.errorType = errorType;
    this.text = text;
  }

  static fromStanza(stanza: Element): StanzaError {
    const error = stanza.getChild('error');
    const condition =
      error?.getChildElements().find((c) => c.getNS() === NS_STANZAS && c.name !== 'text')?.name ??
      'undefined-condition';
    const text = error?.getChildText('text', NS_STANZAS) ?? '';
    return new StanzaError(condition, error?.attrs.type ?? 'cancel', text);
  }
}

export class TimeoutError extends Error {
  readonly reason: ErrorReason = { code: 'timeout' };
  constructor(what: string, ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/** The server refused our credentials (SASL failure). Reconnecting will not help. */
export class AuthError extends Error {
  readonly reason: ErrorReason = { code: 'auth-failed' };
  readonly condition: string;
  constructor(condition: string, text: string) {
    super(text ? `${condition}: ${text}` : condition);
    this.name = 'AuthError';
    this.condition = condition;
  }
}

/** The server's certificate was not trusted; carries what the user needs to decide. */
export class CertificateError extends Error {
  readonly fingerprint: string;
  readonly subject: string;
  readonly reason: string;
  /** The fingerprint this server had before (pinned or accepted), when it changed. */
  readonly previousFingerprint: string | undefined;
  constructor(reason: string, fingerprint: string, subject: string, previousFingerprint?: string) {
    super(
      previousFingerprint
        ? `The certificate changed (${reason}); SHA-256 fingerprint ${fingerprint}, before ${previousFingerprint}`
        : `Untrusted certificate (${reason}); SHA-256 fingerprint ${fingerprint}`,
    );
    this.name = 'CertificateError';
    this.fingerprint = fingerprint;
    this.subject = subject;
    this.reason = reason;
    this.previousFingerprint = previousFingerprint;
  }
}

/** Something about the stream itself was not acceptable (no TLS offered, no usable mechanism). */
export class ProtocolError extends Error {
  readonly code: ConnectionErrorCode | undefined;
  constructor(message: string, code?: ConnectionErrorCode) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

/** The server sent a stanza past the size or nesting limit: the stream is closed with policy-violation. */
export class StanzaLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StanzaLimitError';
  }
}
