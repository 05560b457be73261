import type { Migration } from './index.ts';

/** Verified XEP-0115 capabilities by hash, kept across runs (a known client is never asked again). */
export const capsCache: Migration = {
  version: 15,
  name: 'caps cache',
  up(db) {
    db.exec(`CREATE TABLE caps_cache (ver TEXT PRIMARY KEY, info TEXT NOT NULL);`);
  },
};
