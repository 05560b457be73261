import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage } from '../../../shared/model/message.ts';
import { editSealedLikeOriginal, sameRoomSender } from './editPolicy.ts';

const alice = 'alice@x' as BareJid;
const base: ChatMessage = {
  id: 'm',
  account: 'me@x' as AccountId,
  peer: alice,
  direction: 'in',
  from: 'alice@x/phone',
  body: 'secret',
  timestamp: 1,
  state: 'received',
};
const encrypted: ChatMessage = { ...base, encryption: { protocol: 'omemo', device: 7, jid: alice, trust: 'blind' } };

test('an encrypted message is changed only by an edit decrypted from the same JID and device', () => {
  assert.equal(editSealedLikeOriginal(encrypted, { protocol: 'omemo', device: 7, jid: alice }), true);
  assert.equal(editSealedLikeOriginal(encrypted, undefined), false, 'in clear');
  assert.equal(editSealedLikeOriginal(encrypted, { protocol: 'omemo', device: 8, jid: alice }), false, 'other device');
  assert.equal(editSealedLikeOriginal(encrypted, { protocol: 'omemo', device: 7, jid: 'eve@x' as BareJid }), false);
  assert.equal(editSealedLikeOriginal(encrypted, { protocol: 'omemo', device: 7, jid: alice, error: 'no key' }), false);
  assert.equal(
    editSealedLikeOriginal({ ...encrypted, encryption: { protocol: 'omemo' } }, { protocol: 'omemo' }),
    false,
  );
});

test('a message sent in clear may be corrected in clear or encrypted', () => {
  assert.equal(editSealedLikeOriginal(base, undefined), true);
  assert.equal(editSealedLikeOriginal(base, { protocol: 'omemo', device: 1, jid: alice }), true);
});

test('room edits: occupant-id when the room gives one, else the real JID; never the nick alone', () => {
  const bob = 'bob@x' as BareJid;
  assert.equal(sameRoomSender({ occupantId: 'o1' }, { occupantId: 'o1' }), true);
  assert.equal(sameRoomSender({ occupantId: 'o1', senderJid: bob }, { occupantId: 'o2', senderJid: bob }), false);
  assert.equal(sameRoomSender({ senderJid: bob }, { senderJid: bob }), true, 'no occupant-id: the real JIDs');
  assert.equal(sameRoomSender({ senderJid: bob }, { senderJid: 'mallory@x' as BareJid }), false);
  assert.equal(sameRoomSender({}, {}), false, 'a semi-anonymous room without occupant-id: the nick is not enough');
  assert.equal(sameRoomSender({ senderJid: bob }, {}), false);
});

test('an OpenPGP message is changed only by an edit signed by the same key; an OTR client’s plain text by a plain edit', () => {
  const fingerprint = 'A'.repeat(40);
  const signed: ChatMessage = { ...base, encryption: { protocol: 'openpgp', jid: alice, fingerprint, trust: 'blind' } };
  assert.equal(editSealedLikeOriginal(signed, { protocol: 'openpgp', jid: alice, fingerprint }), true);
  assert.equal(editSealedLikeOriginal(signed, { protocol: 'openpgp', jid: alice, fingerprint: 'B'.repeat(40) }), false);
  assert.equal(editSealedLikeOriginal(signed, { protocol: 'omemo', jid: alice, device: 7 }), false, 'other protocol');
  assert.equal(editSealedLikeOriginal(signed, undefined), false, 'in clear');
  const fromOtrClient: ChatMessage = { ...base, encryption: { protocol: 'otr', code: 'otr-tagged' } };
  assert.equal(editSealedLikeOriginal(fromOtrClient, undefined), true);
});
