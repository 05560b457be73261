import type { DatabaseSync } from 'node:sqlite';
import { init } from './0001-init.ts';
import { archive } from './0002-archive.ts';
import { edits } from './0003-edits.ts';
import { groupchat } from './0004-groupchat.ts';
import { oob } from './0005-oob.ts';
import { omemo } from './0006-omemo.ts';
import { editProvenance } from './0007-edit-provenance.ts';
import { appMeta } from './0008-app-meta.ts';
import { conversations } from './0009-conversations.ts';
import { repliesReactions } from './0010-replies-reactions.ts';
import { search } from './0011-search.ts';
import { parkedReactions } from './0012-parked-reactions.ts';
import { avatars } from './0013-avatars.ts';
import { nicknames } from './0014-nicknames.ts';
import { capsCache } from './0015-caps-cache.ts';
import { accountOptions } from './0016-account-options.ts';
import { openpgp } from './0017-openpgp.ts';
import { omemo2 } from './0018-omemo2.ts';
import { originLookup } from './0019-origin-lookup.ts';
import { callHistory } from './0020-call-history.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: DatabaseSync): void;
}

/** In order; a released migration is never edited, a new one is added. */
export const MIGRATIONS: readonly Migration[] = [
  init,
  archive,
  edits,
  groupchat,
  oob,
  omemo,
  editProvenance,
  appMeta,
  conversations,
  repliesReactions,
  search,
  parkedReactions,
  avatars,
  nicknames,
  capsCache,
  accountOptions,
  openpgp,
  omemo2,
  originLookup,
  callHistory,
];
