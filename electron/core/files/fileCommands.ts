// The contract's upload.* and files.* commands: XEP-0363 slots from the account, bytes over HTTP(S),
// the URL shared in the chat it was meant for.
import type { CoreCommands } from '../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage } from '../../../shared/model/message.ts';
import type { AccountRuntime } from '../account/accountRuntime.ts';
import type { CoreEmitter } from '../events.ts';
import type { HttpTrust } from '../net/httpTransfer.ts';
import { Downloads } from './downloads.ts';
import { Uploads } from './uploads.ts';

export type FileCommands = Pick<
  CoreCommands,
  | 'upload.service'
  | 'upload.begin'
  | 'upload.chunk'
  | 'upload.finish'
  | 'upload.cancel'
  | 'files.probe'
  | 'files.download'
  | 'files.read'
  | 'files.open'
  | 'files.reveal'
>;

export interface FileDeps {
  runtime(account: AccountId): AccountRuntime;
  trust(account: AccountId): Promise<HttpTrust>;
  emit: CoreEmitter['emit'];
  filesDir: string;
  /** Opens a file with the system's default app (the desktop shell provides it). */
  openFile?: ((path: string) => Promise<void>) | undefined;
  /** Shows a file in the system's file manager (the desktop shell provides it). */
  showInFolder?: ((path: string) => void) | undefined;
}

/**
 * A shared URL goes where the file was meant for: a joined room, a private message in one, or a chat. An
 * encrypted file's link (with its key) goes only inside the encrypted message, never as a plain OOB link.
 */
function share(runtime: AccountRuntime, to: BareJid, url: string): Promise<ChatMessage> {
  const { chat, muc } = runtime.modules;
  const oob = url.startsWith('aesgcm:') ? undefined : url;
  const slash = to.indexOf('/');
  if (slash > 0) return muc.sendPrivate(to.slice(0, slash) as BareJid, to.slice(slash + 1), url, oob);
  if (muc.rooms().some((r) => r.jid === to)) return muc.send(to, url, oob);
  return chat.send(to, url, oob);
}

export function createFileCommands(deps: FileDeps): { commands: FileCommands; dispose(): void } {
  const uploads = new Uploads({
    requestSlot: (account, name, size, type) => deps.runtime(account).modules.upload.requestSlot(name, size, type),
    trust: (account) => deps.trust(account),
  });
  const downloads = new Downloads(deps.filesDir, deps.emit);
  const commands: FileCommands = {
    'upload.service': ({ account }) => deps.runtime(account).modules.upload.service(),
    'upload.begin': async ({ account, to, name, size, type }) => {
      // XEP-0454 wherever the message carrying the link is encrypted: a chat (OMEMO or OpenPGP), an encrypted
      // room, or a private message in one.
      const { muc, encryption } = deps.runtime(account).modules;
      const [room, nick] = to.includes('/') ? [to.slice(0, to.indexOf('/')), to.slice(to.indexOf('/') + 1)] : [to];
      const encrypt = muc.rooms().some((r) => r.jid === room)
        ? await muc.encryptedFor(room as BareJid, nick)
        : await encryption.enabledFor(to);
      return uploads.begin(account, to, name, size, type, encrypt);
    },
    'upload.chunk': ({ upload, data }) => uploads.chunk(upload, data),
    'upload.finish': async ({ upload }) => {
      const done = await uploads.finish(upload);
      return share(deps.runtime(done.account), done.to, done.url);
    },
    'upload.cancel': ({ upload }) => {
      uploads.cancel(upload);
      return Promise.resolve();
    },
    'files.probe': async ({ account, url }) => downloads.probe(url, await deps.trust(account)),
    'files.download': async ({ account, url, maxBytes }) =>
      downloads.download(account, url, maxBytes, await deps.trust(account)),
    'files.read': ({ id, offset, length }) => downloads.read(id, offset, length),
    'files.open': async ({ id }) => {
      if (!deps.openFile) throw new Error('Opening files needs the desktop app; save the file instead');
      const path = await downloads.pathOf(id);
      // An allowlist: only when content and name agree on a picture, PDF, plain text, audio or video.
      if (!(await downloads.openableKind(id)))
        throw new Error('JabberDesk does not open this kind of file: save it, or show it in its folder');
      await deps.openFile(path);
    },
    'files.reveal': async ({ id }) => {
      if (!deps.showInFolder) throw new Error('Showing files in their folder needs the desktop app');
      deps.showInFolder(await downloads.pathOf(id));
    },
  };
  return { commands, dispose: () => uploads.cancelAll() };
}
