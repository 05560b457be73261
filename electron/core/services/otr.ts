// Off-the-Record (OTR) recognised, not spoken: a contact whose client speaks OTR is told apart, its OTR
// data is never shown as text, and the user is told in words (the protocol's query forms, the whitespace
// tag, and ?OTR: data and errors, as the OTR protocol versions 1-3 define them).
import type { MessageEncryption } from '../../../shared/model/message.ts';

/** The whitespace tag's base (16 bytes) and the version tags that may follow it (8 bytes each). */
const TAG_BASE = ' \t  \t\t\t\t \t \t \t  ';
const VERSION_TAGS = ['  \t\t  \t ', ' \t \t  \t ', '  \t\t  \t\t', '  \t\t \t  '];
const QUERY = /^\?OTR(?:\?v?[0-9]*\??|v[0-9]+\?)/u;

export type OtrKind = 'data' | 'query' | 'tagged' | 'error';

export function recognizeOtr(body: string): { kind: OtrKind; text: string } | undefined {
  if (body.startsWith('?OTR:')) return { kind: 'data', text: '' };
  if (body.startsWith('?OTR Error:')) return { kind: 'error', text: body.slice('?OTR Error:'.length).trim() };
  const query = QUERY.exec(body);
  if (query) return { kind: 'query', text: body.slice(query[0].length).trim() };
  const at = body.indexOf(TAG_BASE);
  if (at < 0) return undefined;
  let end = at + TAG_BASE.length;
  while (VERSION_TAGS.includes(body.slice(end, end + 8))) end += 8;
  return { kind: 'tagged', text: (body.slice(0, at) + body.slice(end)).trim() };
}

/** An incoming plain message from an OTR client: its readable text (none for OTR data) and a marker. */
export function withOtrMarker<T extends { body: string; encryption?: MessageEncryption }>(record: T): T {
  if (record.encryption) return record;
  const otr = recognizeOtr(record.body);
  if (!otr) return record;
  const encryption: MessageEncryption = {
    protocol: 'otr',
    code: `otr-${otr.kind}`,
    ...(otr.kind === 'data' ? { error: 'This message was encrypted with OTR, which this app does not use.' } : {}),
  };
  return { ...record, body: otr.text, encryption };
}
