import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Client } from '@xmpp/client-core';
import xml, { type Element } from '@xmpp/xml';
import { authenticate, NS_SASL } from './sasl.ts';

/** Records what would go on the wire and answers like a server that accepts anything. */
function stream(secure: boolean): { entity: Client; sent: Element[] } {
  const sent: Element[] = [];
  const entity = {
    isSecure: () => secure,
    sendReceive: (element: Element) => {
      sent.push(element);
      return Promise.resolve(xml('success', { xmlns: NS_SASL }));
    },
  } as unknown as Client;
  return { entity, sent };
}

test('credentials are never sent on an unencrypted stream', async () => {
  const { entity, sent } = stream(false);
  await assert.rejects(authenticate(entity, new Set(['PLAIN', 'SCRAM-SHA-1']), { username: 'u', password: 'p' }), {
    name: 'ProtocolError',
  });
  assert.equal(sent.length, 0);
});

test('the strongest SCRAM offered wins; PLAIN only when no SCRAM is offered', async () => {
  const scram = stream(true);
  await assert.rejects(
    authenticate(scram.entity, new Set(['PLAIN', 'SCRAM-SHA-1', 'SCRAM-SHA-256', 'SCRAM-SHA-256-PLUS']), {
      username: 'u',
      password: 'p',
    }),
  );
  assert.equal(scram.sent[0]?.attrs.mechanism, 'SCRAM-SHA-256');
  const plain = stream(true);
  await authenticate(plain.entity, new Set(['PLAIN']), { username: 'u', password: 'p' });
  assert.equal(plain.sent[0]?.attrs.mechanism, 'PLAIN');
  assert.equal(Buffer.from(plain.sent[0]?.text() ?? '', 'base64').toString(), '\u0000u\u0000p');
  await assert.rejects(
    authenticate(stream(true).entity, new Set(['DIGEST-MD5']), { username: 'u', password: 'p' }),
    /No supported SASL mechanism/,
  );
});
