import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRawElement } from './consoleCommands.ts';
import { redactedText } from './redact.ts';

const shown = (xml: string): string => redactedText(parseRawElement(xml));

test('secrets are replaced in the copy and kept in the stanza the engine uses', () => {
  const auth = parseRawElement(
    "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGp1bGlldABzM2NyM3Q=</auth>",
  );
  assert.equal(
    redactedText(auth),
    '<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl" mechanism="PLAIN">[redacted]</auth>',
  );
  assert.equal(auth.text(), 'AGp1bGlldABzM2NyM3Q=');
});

test('passwords in registration, room joins and data forms are redacted; other fields are not', () => {
  const register = shown(
    "<iq type='set'><query xmlns='jabber:iq:register'><username>juliet</username><password>s3cr3t</password></query></iq>",
  );
  assert.ok(register.includes('juliet') && !register.includes('s3cr3t'));
  const join = shown(
    "<presence to='r@c/n'><x xmlns='http://jabber.org/protocol/muc'><password>door</password></x></presence>",
  );
  assert.ok(!join.includes('door'));
  const form = shown(
    `<iq type='set'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'>
      <field var='muc#roomconfig_roomsecret'><value>door</value></field>
      <field var='pin' type='text-private'><value>1234</value></field>
      <field var='muc#roomconfig_roomname'><value>Lobby</value></field></x></query></iq>`,
  );
  assert.ok(!form.includes('door') && !form.includes('1234') && form.includes('Lobby'));
});

test('upload authorisation headers and OMEMO key material are redacted; message text is not', () => {
  const slot = shown(
    `<iq type='result'><slot xmlns='urn:xmpp:http:upload:0'><put url='https://u/x'>
      <header name='Authorization'>Basic token</header><header name='Expires'>soon</header></put></slot></iq>`,
  );
  assert.ok(!slot.includes('Basic token') && slot.includes('soon'));
  const message = shown(
    `<message to='r@x'><encrypted xmlns='eu.siacs.conversations.axolotl'><header sid='1'>
      <key rid='2'>S0VZ</key><iv>SVY=</iv></header><payload>UEFZ</payload></encrypted><body>fallback</body></message>`,
  );
  assert.ok(!message.includes('S0VZ') && message.includes('fallback') && message.includes('UEFZ'));
  const bundle = shown(
    `<iq type='set'><pubsub xmlns='http://jabber.org/protocol/pubsub'><publish node='n'><item><bundle xmlns='urn:xmpp:omemo:2'>
      <spk id='1'>U1BL</spk><spks>U0lH</spks><ik>SUs=</ik><prekeys><pk id='1'>UEs=</pk></prekeys></bundle></item></publish></pubsub></iq>`,
  );
  for (const secret of ['U1BL', 'U0lH', 'SUs=', 'UEs=']) assert.ok(!bundle.includes(secret), secret);
});

test('a stanza without secrets is shown as it is', () => {
  const presence = "<presence xmlns='jabber:client' from='a@b/c'><show>away</show><status>5 &lt; 6</status></presence>";
  assert.equal(shown(presence), parseRawElement(presence).toString());
  assert.match(shown(presence), /5 &lt; 6/u);
});
