// Fills an engine's store with a long conversation (for the history tests and benchmarks).
import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core/index.ts';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';

/** `count` messages a minute apart, every third one ours, every tenth two lines long. */
export function storeHistory(core: Core, account: AccountId, peer: BareJid, count: number): void {
  const start = Date.now() - count * 60_000;
  for (let i = 0; i < count; i++) {
    const out = i % 3 === 0;
    core.store.messages.add({
      id: randomUUID(),
      account,
      peer,
      direction: out ? 'out' : 'in',
      from: out ? 'desk' : `${peer}/phone`,
      body: i % 10 === 0 ? `message ${i}\nwith a *second* line` : `message ${i}`,
      timestamp: start + i * 60_000,
      state: out ? 'sent' : 'received',
    });
  }
}
