// A real XMPP ↔ IRC gateway: biboumi as a component of the private Prosody, ngircd as the IRC server,
// a scripted IRC user. Biboumi's own ad-hoc command points it at the IRC server's port; an IRC channel
// is a group chat with messages both ways; a private message reaches an IRC nick and its answer comes back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { type Biboumi, type IrcServer, startBiboumi, startNgircd } from '../server/irc.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { ircUser } from '../helpers/ircUser.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';

const IRC_COMPONENT = { domain: 'irc.localhost', secret: randomBytes(8).toString('hex') };
let server: ProsodyServer;
let irc: IrcServer;
let biboumi: Biboumi;
before(async () => {
  server = await startProsody({ externalComponents: [IRC_COMPONENT] });
  irc = await startNgircd();
  biboumi = await startBiboumi(server.ports.component ?? 0, IRC_COMPONENT, 'admin@localhost');
});
after(async () => {
  await biboumi?.stop();
  await irc?.stop();
  await server?.stop();
});

test('an IRC channel through biboumi: configured by its ad-hoc command, messages both ways, a private message', async () => {
  const user = await newUser(server);
  const engine = await startEngine(server, user);
  const { core, account } = engine;
  const carol = await ircUser(irc.port, 'carol');
  try {
    const info = await core.commands['disco.info']({ account, jid: IRC_COMPONENT.domain });
    assert.ok(
      info.identities.some((i) => i.type === 'irc'),
      'biboumi names itself an IRC gateway',
    );

    // Biboumi's per-server configuration (XEP-0050): the IRC server's port, no TLS on loopback.
    const ircServer = `127.0.0.1@${IRC_COMPONENT.domain}`;
    const commands = await core.commands['adhoc.list']({ account, jid: ircServer });
    const configure = commands.find((c) => c.node === 'configure');
    assert.ok(configure, `biboumi offers "configure" (${commands.map((c) => c.node).join(', ')})`);
    const stage = await core.commands['adhoc.execute']({ account, jid: ircServer, node: configure.node });
    const fields = stage.form?.fields.map((f) => f.var) ?? [];
    assert.ok(fields.includes('ports') && fields.includes('tls_ports'), `ports in the form (${fields.join(', ')})`);
    const done = await core.commands['adhoc.execute']({
      account,
      jid: ircServer,
      node: configure.node,
      sessionId: stage.sessionId,
      action: 'complete',
      values: { ports: [String(irc.port)], tls_ports: [] },
    });
    assert.equal(done.status, 'completed');

    await carol.join('#lobby');
    const room = `#lobby%${ircServer}` as BareJid;
    const joined = await core.commands['muc.join']({ account, room, nick: 'dave' });
    assert.equal(joined.state.status, 'joined');
    await carol.hear((l) => l.command === 'JOIN' && l.from === 'dave', 'dave joining on IRC');
    await eventually(
      async () => (await core.commands['muc.occupants']({ account, room })).some((o) => o.nick === 'carol'),
      'carol among the occupants',
    );

    await core.commands['muc.send']({ account, room, body: 'hello from XMPP' });
    await carol.hear(
      (l) => l.command === 'PRIVMSG' && l.target === '#lobby' && l.text === 'hello from XMPP',
      'the room message on IRC',
    );

    const fromIrc = waitForEvent(core, 'message.added', (e) => e.peer === room && e.body === 'hello from IRC');
    carol.say('#lobby', 'hello from IRC');
    assert.equal((await fromIrc).direction, 'in');

    const nick = `carol%${ircServer}` as BareJid;
    await core.commands['chat.send']({ account, to: nick, body: 'just between us' });
    await carol.hear(
      (l) => l.command === 'PRIVMSG' && l.target === 'carol' && l.from === 'dave' && l.text === 'just between us',
      'the private message',
    );
    const answer = waitForEvent(core, 'message.added', (e) => e.body === 'sure thing' && e.direction === 'in');
    carol.say('dave', 'sure thing');
    assert.equal((await answer).peer, nick);
    const history = await core.commands['chat.history']({ account, peer: room });
    assert.equal(history.filter((m) => m.body === 'hello from IRC').length, 1, 'stored once');
  } finally {
    carol.quit();
    await engine.close();
  }
});
