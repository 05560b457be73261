// XEP-0313 archive sync: on every new session, catch up from the newest archive id we have (or, on a
// new device, the last days), in the largest pages the server gives; and page back on demand.
import { relationsOf } from '../../xmpp/relations.ts';
import { randomUUID } from 'node:crypto';
import type { ArchiveState } from '../../../../shared/ipc/contract.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { createMessageService, type IncomingRecord } from '../../services/messages.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { parseForwardedChat } from '../chat/chat.parse.ts';
import { type ArchivePage, buildArchiveQuery, parseArchiveResult, parseFin } from './mam.query.ts';

/** Prosody clamps <max> silently to its max_archive_query_results; ask for a lot, get its largest page. */
export const PAGE_MAX = 250;
/** A first sync on a new device goes this far back; older pages load when scrolled to. */
export const FIRST_SYNC_DAYS = 7;
const MAX_CATCH_UP_PAGES = 2000;

export interface CatchUp {
  pages: number;
  stored: number;
  complete: boolean;
}

export interface MamApi {
  /** Runs at every new session; safe to call again (it continues from the stored position). */
  catchUp(): Promise<CatchUp>;
  /** Pages back into the archive for one chat from its oldest stored message; returns how many were new. */
  fetchOlder(peer: BareJid, max: number): Promise<{ stored: number; complete: boolean }>;
  /** The catch-up running now, if any (tests and the UI's status). */
  readonly running: Promise<CatchUp> | undefined;
  readonly state: ArchiveState;
}

export const mam: XmppModule<MamApi> = {
  id: 'xep-0313-mam',
  setup({ account, xmpp, lifecycle, store, emit, log, limits, e2e }) {
    const pageLimit = limits?.archivePages ?? MAX_CATCH_UP_PAGES;
    const messages = createMessageService(account, store, emit);
    const exhausted = new Set<BareJid>();
    let running: Promise<CatchUp> | undefined;
    let state: ArchiveState = { status: 'idle' };
    const report = (next: ArchiveState): void => {
      state = next;
      emit('archive.status', { account, ...next });
    };

    /**
     * Runs one query and stores its results (only from our own archive). Paging forward, results are
     * stored as they come; paging backward (older history), once the page is complete, each placed
     * before everything the chat holds, so whole-second stamps cannot sort them after newer messages.
     */
    const page = async (
      query: Omit<Parameters<typeof buildArchiveQuery>[0], 'queryId'>,
    ): Promise<ArchivePage & { stored: number; received: number }> => {
      const queryId = randomUUID();
      const own = xmpp.bareJid;
      let stored = 0;
      let received = 0;
      const backward: Promise<IncomingRecord | undefined>[] = [];
      const decrypting: Promise<unknown>[] = [];
      const off = xmpp.onMessage((stanza: Element) => {
        const result = parseArchiveResult(stanza, queryId);
        if (!result || !own) return;
        if (stanza.attrs.from !== undefined && stanza.attrs.from !== own) {
          log.warn('dropped an archive result that did not come from our own archive', { from: stanza.attrs.from });
          return;
        }
        received++;
        const parsed = parseForwardedChat(result.message, own, result.archiveId);
        if (!parsed) return;
        const record = {
          peer: parsed.peer,
          direction: parsed.direction,
          from: parsed.from,
          body: parsed.body,
          timestamp: result.timestamp ?? parsed.timestamp ?? Date.now(),
          state: parsed.direction === 'out' ? ('acked' as const) : ('received' as const),
          ...(parsed.originId ? { originId: parsed.originId } : {}),
          ...(parsed.stanzaId ? { stanzaId: parsed.stanzaId } : {}),
          replaces: parsed.replaces,
          retracts: parsed.retracts,
          ...(parsed.oobUrl ? { oobUrl: parsed.oobUrl } : {}),
          relations: result.message ? relationsOf(result.message) : {},
        };
        const sender = parsed.direction === 'out' ? own : parsed.peer;
        if (parsed.encrypted && e2e && result.message) {
          // Decrypted in arrival order (one queue); a copy already stored is not decrypted again.
          let decrypted: IncomingRecord | undefined;
          const done = e2e
            .receive(result.message, sender, record, (r) => {
              if (query.before !== undefined) {
                decrypted = r;
                return false;
              }
              return messages.ingest(r);
            })
            .then((isNew) => {
              if (isNew) stored++;
              return decrypted;
            });
          decrypting.push(done);
          if (query.before !== undefined) backward.push(done);
        } else if (query.before !== undefined) backward.push(Promise.resolve(record));
        else if (e2e)
          // After the encrypted ones before it: a reaction or reply to one of them finds it stored.
          decrypting.push(
            new Promise<void>((resolve) =>
              e2e.afterPending(() => {
                if (messages.ingest(record)) stored++;
                resolve();
              }),
            ),
          );
        else if (messages.ingest(record)) stored++;
      });
      try {
        const answer = await xmpp.iq('set', undefined, buildArchiveQuery({ ...query, queryId }), 60_000);
        await Promise.allSettled(decrypting);
        const older = (await Promise.all(backward)).filter((r) => r !== undefined);
        const earliest = new Map<string, number>();
        for (const record of older)
          if (!earliest.has(record.peer))
            earliest.set(
              record.peer,
              store.messages.earliestTimestamp(account, record.peer) ?? Number.MAX_SAFE_INTEGER,
            );
        for (const [i, record] of older.entries()) {
          const ceiling = (earliest.get(record.peer) ?? Number.MAX_SAFE_INTEGER) - (older.length - i);
          if (messages.ingest({ ...record, timestamp: Math.min(record.timestamp, ceiling) }, true)) stored++;
        }
        return { ...parseFin(answer), stored, received };
      } finally {
        off();
      }
    };

    const catchUpNow = async (): Promise<CatchUp> => {
      const position = store.archive.position(account);
      let after = position?.lastId;
      const start = after ? undefined : new Date(Date.now() - (limits?.firstSyncDays ?? FIRST_SYNC_DAYS) * 86_400_000);
      let total = 0;
      for (let pages = 1; pages <= pageLimit; pages++) {
        const result = await page({
          max: PAGE_MAX,
          ...(after ? { after } : {}),
          ...(!after && start ? { start } : {}),
        });
        total += result.stored;
        if (result.last) {
          after = result.last;
          store.archive.setPosition(account, { lastId: result.last, lastTimestamp: Date.now() });
        }
        if (result.complete || result.received === 0 || !result.last) return { pages, stored: total, complete: true };
      }
      log.warn('archive catch-up stopped at the page limit');
      return { pages: pageLimit, stored: total, complete: false };
    };

    /** Reports how it went: an incomplete catch-up shows as a gap the user can ask to fill. */
    const catchUp = (): Promise<CatchUp> => {
      running ??= (async () => {
        report({ status: 'syncing' });
        try {
          const result = await catchUpNow();
          report({ status: result.complete ? 'complete' : 'incomplete' });
          return result;
        } catch (error) {
          report({ status: 'incomplete', error: error instanceof Error ? error.message : String(error) });
          throw error;
        } finally {
          e2e?.historySynced();
        }
      })().finally(() => {
        running = undefined;
      });
      return running;
    };

    const offOnline = lifecycle.onOnline(async () => {
      try {
        const result = await catchUp();
        log.info('archive caught up', { ...result });
      } catch (error) {
        log.warn('archive catch-up failed', { error: String(error) });
      }
    });

    return {
      catchUp,
      get running() {
        return running;
      },
      get state() {
        return state;
      },
      fetchOlder: async (peer, max) => {
        if (exhausted.has(peer) || !xmpp.online) return { stored: 0, complete: exhausted.has(peer) };
        const result = await page({
          with: peer,
          before: store.messages.oldestStanzaId(account, peer) ?? '',
          max: Math.min(max, PAGE_MAX),
        });
        if (result.complete) exhausted.add(peer);
        return { stored: result.stored, complete: result.complete };
      },
      dispose: () => {
        offOnline();
      },
    };
  },
};
