// Archive and resumption figures: catch-up of an archive into the store beside a bare MAM pager
// that only counts, and the time from a cut connection to everything queued acknowledged.
import { randomUUID } from 'node:crypto';
import { xml } from '@xmpp/client';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser, rawClient, startEngine } from '../e2e/helpers/accounts.ts';
import { eventually } from '../e2e/helpers/waitFor.ts';
import { type BareClient, bareLogin, chatStanza, presenceStanza } from './floor.ts';
import { compare, median, report } from './stats.ts';

type Stanza = Parameters<Parameters<BareClient['on']>[1]>[0] & {
  getChild(name: string, ns?: string): Stanza | undefined;
  attrs: Record<string, string>;
};

/** A bare @xmpp/client paging through the whole archive (pages of 250, like the engine), counting results. */
async function floorCatchUp(client: BareClient): Promise<number> {
  let count = 0;
  let after: string | undefined;
  let queryId = '';
  let onFin: (fin: Stanza | undefined) => void = () => undefined;
  client.on('stanza', (raw) => {
    const s = raw as Stanza;
    if (s.name === 'message' && s.getChild('result', 'urn:xmpp:mam:2')?.attrs.queryid === queryId) count++;
    if (s.name === 'iq' && s.attrs.id === queryId) onFin(s.getChild('fin', 'urn:xmpp:mam:2'));
  });
  for (;;) {
    queryId = randomUUID();
    let last: string | undefined;
    let complete = false;
    const done = new Promise<void>((resolve) => {
      onFin = (fin) => {
        complete = fin?.attrs.complete === 'true';
        last = fin?.getChild('set', 'http://jabber.org/protocol/rsm')?.getChildText('last') ?? undefined;
        resolve();
      };
    });
    await client.send(
      xml(
        'iq',
        { type: 'set', id: queryId },
        xml(
          'query',
          { xmlns: 'urn:xmpp:mam:2', queryid: queryId },
          xml(
            'set',
            { xmlns: 'http://jabber.org/protocol/rsm' },
            xml('max', {}, '250'),
            ...(after ? [xml('after', {}, after)] : []),
          ),
        ),
      ),
    );
    await done;
    if (complete || !last) return count;
    after = last;
  }
}

export async function benchArchiveCatchUp(server: ProsodyServer, total: number): Promise<void> {
  const [meUser, peerUser] = [await newUser(server, 'archivist'), await newUser(server, 'author')];
  // Another device of ours takes every message live, so they are in the archive and not in offline storage.
  const phone = await rawClient(server, meUser, 'phone');
  let delivered = 0;
  phone.on('stanza', (s: { name: string }) => {
    if (s.name === 'message') delivered++;
  });
  await phone.send(xml('presence'));
  const author = await bareLogin(server, peerUser, 'author');
  for (let i = 0; i < total; i += 100)
    await Promise.all(Array.from({ length: 100 }, (_, k) => author.send(chatStanza(meUser.jid, `archived ${i + k}`))));
  await eventually(() => delivered >= total, 'the other device to have them all', 120_000);
  await Promise.all([phone.stop(), author.stop()]);

  const engine = await startEngine(server, meUser, { connect: false });
  let started = performance.now();
  await engine.core.commands['account.connect']({ account: engine.account });
  await eventually(() => engine.core.store.messages.count(engine.account) >= total, 'the catch-up', 120_000);
  const engineRate = total / ((performance.now() - started) / 1000);
  await engine.close();

  const bare = await bareLogin(server, meUser, 'floor');
  await bare.send(presenceStanza());
  started = performance.now();
  const counted = await floorCatchUp(bare);
  const floorRate = counted / ((performance.now() - started) / 1000);
  await bare.stop();
  compare(`archive catch-up of ${total}`, 'msg/s', engineRate, floorRate, { count: total });
}

export async function benchResume(server: ProsodyServer, rounds: number, queued: number): Promise<void> {
  const [aUser, bUser] = [await newUser(server, 'cut'), await newUser(server, 'far')];
  const a = await startEngine(server, aUser);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const runtime = a.core.runtime(a.account);
    const started = performance.now();
    runtime.dropTransport();
    for (let i = 0; i < queued; i++)
      await a.core.commands['chat.send']({ account: a.account, to: bUser.jid, body: `round ${round} message ${i}` });
    await eventually(
      () => runtime.state.status === 'online' && a.core.store.messages.outbox(a.account).length === 0,
      'resumed and acknowledged',
      30_000,
    );
    times.push(performance.now() - started);
    if (!runtime.streamManagement.resumed) throw new Error('the stream was not resumed');
  }
  await a.close();
  report(`cut → resumed, ${queued} queued messages acked (median of ${rounds})`, 'ms', median(times), {
    rounds,
    queued,
  });
}
