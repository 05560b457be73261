// Message search over 100,000 stored messages: the engine's command (FTS5, filters, the join back to
// the messages, reactions) beside the bare FTS5 match on the same database (the floor).
import { Core, createMemorySecretStore } from '../electron/core/index.ts';
import type { AccountId } from '../shared/model/account.ts';
import type { BareJid } from '../shared/model/jid.ts';
import { compare, median } from './stats.ts';

const WORDS = ['harbour', 'lantern', 'cake', 'meeting', 'train', 'coffee', 'weekend', 'garden', 'rain', 'music'];

export async function benchSearch(count: number): Promise<void> {
  const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  const account = 'bench@localhost' as AccountId;
  core.store.db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES (?, 'r', 1)").run(account);
  core.store.db.exec('BEGIN');
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 8 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ');
    core.store.messages.add({
      id: `m${i}`,
      account,
      peer: `peer${i % 500}@localhost` as BareJid,
      direction: i % 3 ? 'in' : 'out',
      from: `peer${i % 500}@localhost/r`,
      body: `${words} number${i}`,
      timestamp: 1_700_000_000_000 + i * 1000,
      state: 'received',
    });
  }
  core.store.db.exec('COMMIT');
  const queries = Array.from({ length: 20 }, (_, i) => `${WORDS[i % WORDS.length]} number${(i * 4999) % count}`);
  const engineTimes: number[] = [];
  const floorTimes: number[] = [];
  const bare = core.store.db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? LIMIT 50');
  for (const text of queries) {
    let t = performance.now();
    await core.commands['search.messages']({ text, limit: 50 });
    engineTimes.push(performance.now() - t);
    const [word, number] = text.split(' ');
    t = performance.now();
    bare.all(`"${word}"* "${number}"*`);
    floorTimes.push(performance.now() - t);
  }
  compare(`search ${count} messages (median of 20)`, 'ms', median(engineTimes), median(floorTimes), { count });
  await core.close();
}
