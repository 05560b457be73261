// In-band registration with a CAPTCHA (XEP-0158) on ejabberd: the image comes in the stanza (XEP-0231),
// a wrong answer is told apart from a closed server, the answer to the image shown creates the account.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { fetchRegistrationForm, registerAccount } from '../../electron/core/modules/register/register.ts';
import { type EjabberdServer, startEjabberd } from '../server/ejabberd.ts';
import { endpointOf, startEngine } from '../helpers/accounts.ts';

let server: EjabberdServer;
before(async () => {
  server = await startEjabberd({ captcha: true });
});
after(async () => {
  await server.stop();
});

test('the CAPTCHA form carries its image; a wrong answer is refused as such, the right one registers', async () => {
  const form = await fetchRegistrationForm(endpointOf(server));
  const ocr = form.fields.find((f) => f.name === 'ocr');
  assert.ok(ocr?.media, 'the answer field shows the image');
  assert.equal(ocr.media.type, 'image/png');
  assert.deepEqual([...Buffer.from(ocr.media.base64, 'base64').subarray(1, 4)], [...Buffer.from('PNG')]);
  assert.ok(ocr.required);
  assert.ok(form.fields.some((f) => f.name === 'challenge' && f.type === 'hidden' && f.value));
  assert.ok(
    form.fields.some((f) => f.type === 'fixed'),
    'the help text is shown',
  );

  const username = `captcha-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  const answer = server.captchaAnswer();
  assert.ok(answer);
  await assert.rejects(registerAccount(endpointOf(server), username, password, { ocr: `${answer}0` }), {
    name: 'RegistrationError',
    reason: { code: 'captcha-failed' },
  });

  // A new form, a new image: answered as read, without asking the server for a third one.
  await fetchRegistrationForm(endpointOf(server));
  const second = server.captchaAnswer();
  assert.notEqual(second, answer);
  const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  const jid = await core.commands['account.register']({
    domain: server.domain,
    host: server.host,
    port: server.ports.c2s,
    pinnedFingerprint: server.fingerprint,
    username,
    password,
    fields: { ocr: second ?? '' },
  });
  assert.equal(server.captchaAnswer(), second, 'the shown form was submitted, not a fresh one');
  assert.equal(jid, `${username}@localhost`);
  await core.close();
  const engine = await startEngine(server, { username, password, jid });
  assert.equal(engine.core.runtime(jid).state.status, 'online');
  await engine.close();
});
