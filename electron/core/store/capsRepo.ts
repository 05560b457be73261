import type { DiscoInfo } from '../../../shared/model/disco.ts';
import { type Db, sql } from './db.ts';

type Caps = Pick<DiscoInfo, 'identities' | 'features' | 'forms'>;

/** Verified XEP-0115 capabilities by their hash: shared by every account, kept across runs. */
export function createCapsRepo(db: Db) {
  return {
    get(ver: string): Caps | undefined {
      const row = sql(db, 'SELECT info FROM caps_cache WHERE ver = ?').get(ver) as { info: string } | undefined;
      if (!row) return undefined;
      try {
        return JSON.parse(row.info) as Caps;
      } catch {
        return undefined;
      }
    },
    put(ver: string, caps: Caps): void {
      sql(db, 'INSERT OR REPLACE INTO caps_cache (ver, info) VALUES (?, ?)').run(ver, JSON.stringify(caps));
    },
  };
}
