// A contact whose client speaks OTR (Pidgin with its plugin, older Psi): its query, tagged text, data and
// errors arrive through the server; OTR data never shows as text, the query's words do, and our answer
// still reaches them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import type { Element } from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const TAG = ' \t  \t\t\t\t \t \t \t    \t\t  \t   \t\t  \t\t';

test('OTR from a contact: recognised in every form, its data never shown as text, and our answer gets through', async () => {
  const [meUser, otrUser] = [await newUser(server, 'me'), await newUser(server, 'pidgin')];
  const me = await startEngine(server, meUser);
  const pidgin = await rawClient(server, otrUser, 'otr');
  try {
    await pidgin.send(xml('presence'));
    const send = (body: string) => pidgin.send(xml('message', { to: meUser.jid, type: 'chat' }, xml('body', {}, body)));
    await send('?OTRv23?\nPidgin has requested an Off-the-Record private conversation.');
    await send(`hello from Pidgin${TAG}`);
    await send('?OTR:AAMDJ+MVmSfjFZcAAAAAAQAAAAIAAADA1g5IjD1ZGLDVQEyCgCyn9hbrL3KAbGDdzE2ZkMyTKl.');
    await send('?OTR Error: You sent encrypted data I was not expecting');
    const history = await eventually(async () => {
      const now = await me.core.commands['chat.history']({ account: me.account, peer: otrUser.jid });
      return now.length === 4 ? now : undefined;
    }, 'the four messages');
    assert.deepEqual(
      history
        ?.map((m) => [m.body, m.encryption?.protocol, m.encryption?.code])
        .sort((x, y) => String(x[2]).localeCompare(String(y[2]))),
      [
        ['', 'otr', 'otr-data'],
        ['You sent encrypted data I was not expecting', 'otr', 'otr-error'],
        ['Pidgin has requested an Off-the-Record private conversation.', 'otr', 'otr-query'],
        ['hello from Pidgin', 'otr', 'otr-tagged'],
      ],
    );
    assert.ok(!history?.some((m) => m.body.includes('?OTR')), 'no OTR data as text');

    const reached = new Promise<Element>((resolve) =>
      pidgin.on('stanza', (s: Element) => {
        if (s.is('message') && s.getChildText('body') === 'I do not use OTR; can we use OMEMO?') resolve(s);
      }),
    );
    await me.core.commands['chat.send']({
      account: me.account,
      to: otrUser.jid,
      body: 'I do not use OTR; can we use OMEMO?',
    });
    await reached;
  } finally {
    await pidgin.stop();
    await me.close();
  }
});
