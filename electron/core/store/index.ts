import { createAccountsRepo } from './accountsRepo.ts';
import { createArchiveRepo } from './archiveRepo.ts';
import { type Db, openDatabase } from './db.ts';
import { createMessagesRepo } from './messagesRepo.ts';
import { createOmemoRepo } from './omemoRepo.ts';
import { createRoomsRepo } from './roomsRepo.ts';
import { createRosterRepo } from './rosterRepo.ts';
import { createSecretsRepo } from './secretsRepo.ts';
import { createMetaRepo } from './metaRepo.ts';
import { createConversationsRepo } from './conversationsRepo.ts';
import { createReactionsRepo } from './reactionsRepo.ts';
import { createSearchRepo } from './searchRepo.ts';
import { createAvatarsRepo } from './avatarsRepo.ts';
import { createNicknamesRepo } from './nicknamesRepo.ts';
import { createCapsRepo } from './capsRepo.ts';
import { createOpenPgpRepo } from './openpgpRepo.ts';

export function openStore(path: string) {
  const db: Db = openDatabase(path);
  return {
    db,
    accounts: createAccountsRepo(db),
    roster: createRosterRepo(db),
    messages: createMessagesRepo(db),
    archive: createArchiveRepo(db),
    rooms: createRoomsRepo(db),
    secrets: createSecretsRepo(db),
    meta: createMetaRepo(db),
    conversations: createConversationsRepo(db),
    reactions: createReactionsRepo(db),
    search: createSearchRepo(db),
    omemo: createOmemoRepo(db),
    avatars: createAvatarsRepo(db),
    nicknames: createNicknamesRepo(db),
    caps: createCapsRepo(db),
    openpgp: createOpenPgpRepo(db),
    close: () => db.close(),
  };
}
export type Store = ReturnType<typeof openStore>;
