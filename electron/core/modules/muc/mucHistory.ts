// A room's history on join: its own archive (MUC MAM) since the newest message we have, or its
// latest page on a first join, instead of the legacy history replay.
import { randomUUID } from 'node:crypto';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Connection } from '../../account/connection.ts';
import type { Store } from '../../store/index.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { buildArchiveQuery, parseArchiveResult, parseFin } from '../mam/mam.query.ts';

const HISTORY_ON_JOIN = 50;
const MAX_PAGES = 40;

export async function fetchRoomHistory(
  { account, xmpp, store }: { account: AccountId; xmpp: Connection; store: Store },
  room: BareJid,
  ingest: (message: Element, archived: { id: string; timestamp: number | undefined }) => unknown,
): Promise<void> {
  let after = store.rooms.get(account, room)?.lastArchiveId;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const queryId = randomUUID();
    // Results count only from the room itself.
    const off = xmpp.onMessage((stanza) => {
      if (stanza.attrs.from !== room) return;
      const result = parseArchiveResult(stanza, queryId);
      if (result) ingest(result.message, { id: result.archiveId, timestamp: result.timestamp });
    });
    try {
      const answer = await xmpp.iq(
        'set',
        room,
        buildArchiveQuery({ queryId, max: after ? 250 : HISTORY_ON_JOIN, ...(after ? { after } : { before: '' }) }),
      );
      const page = parseFin(answer);
      if (page.complete || !page.last || !after) return;
      after = page.last;
    } finally {
      off();
    }
  }
}
