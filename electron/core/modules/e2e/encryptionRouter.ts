// One encryption state per chat: OMEMO, OpenPGP (XEP-0374) or none, as the user chose it; by default OMEMO
// where the contact has devices, else OpenPGP where they announced a key. Every copy is opened by the
// protocol it carries, in arrival order (a marker or reaction is handled after the message it refers to).
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ChatProtocol } from '../../../../shared/model/openpgp.ts';
import type { Store } from '../../store/index.ts';
import type { Logger } from '../../log.ts';
import type { EncryptionProtocol, EndToEnd } from '../../xmpp/module.ts';
import type { OmemoApi } from '../omemo/omemo.ts';
import type { OpenPgpApi } from '../openpgp/openpgp.ts';

export interface EncryptionChoice {
  /** What the user chose for the chat, if anything. */
  chosen(peer: BareJid): ChatProtocol | undefined;
  choose(peer: BareJid, protocol: ChatProtocol): void;
}

export function routeEncryption(
  account: AccountId,
  store: Store,
  omemo: OmemoApi,
  openpgp: OpenPgpApi,
  log: Logger,
): EndToEnd & EncryptionChoice & { dispose(): void } {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const protocolFor = async (peer: BareJid): Promise<EncryptionProtocol | undefined> => {
    const chosen = store.openpgp.choice(account, peer);
    if (chosen === 'none') return undefined;
    if (chosen === 'openpgp' || chosen === 'openpgp-legacy') return chosen;
    if (chosen === 'omemo' || (await omemo.enabledFor(peer))) return 'omemo';
    // OMEMO turned off by hand (before there was a choice) means none.
    if (store.omemo.chatEnabled(account, peer) === false) return undefined;
    return (await openpgp.usable(peer)) ? 'openpgp' : undefined;
  };
  return {
    chosen: (peer) => store.openpgp.choice(account, peer),
    choose: (peer, protocol) => {
      store.openpgp.setChoice(account, peer, protocol);
      omemo.setEnabled(peer, protocol === 'omemo');
    },
    protocolFor,
    enabledFor: async (peer) => (await protocolFor(peer)) !== undefined,
    prepare: (recipients, protocol = 'omemo') =>
      protocol === 'omemo'
        ? omemo.prepare(recipients)
        : openpgp.prepare(single(recipients), protocol === 'openpgp-legacy'),
    origin: (protocol = 'omemo') =>
      protocol === 'omemo' ? omemo.origin() : openpgp.origin(protocol === 'openpgp-legacy'),
    seal: (recipients, body, protocol = 'omemo', inner = [], chat) =>
      protocol === 'omemo'
        ? omemo.seal(recipients, body, protocol, inner, chat)
        : openpgp.seal(single(recipients), body, protocol === 'openpgp-legacy', inner),
    carries: (message) => omemo.carries(message) || openpgp.carries(message),
    receive: (message, sender, record, ingest) =>
      serial(() => {
        // A copy already stored (live, then carbon or archive) is not opened again; it lends its archive id.
        if (store.messages.hasCopy(account, record.peer, record.originId, record.stanzaId)) {
          if (record.originId && record.stanzaId)
            store.messages.attachStanzaId(account, record.peer, record.originId, record.stanzaId);
          return Promise.resolve(false);
        }
        return openpgp.carries(message)
          ? openpgp.receive(message, sender, record, ingest)
          : omemo.receive(message, sender, record, ingest);
      }),
    // Every copy being opened is in this queue (each protocol's own work finishes inside its task).
    afterPending: (task) => {
      void serial(() => Promise.resolve(task())).catch((error: unknown) =>
        log.warn('a message handler failed', { error: String(error) }),
      );
    },
    historySynced: () => omemo.historySynced(),
    dispose: () => undefined, // the protocols dispose of themselves
  };
}

/** OpenPGP is for one-to-one chats (OpenPGP in rooms is not standard). */
function single(recipients: readonly BareJid[]): BareJid {
  const [peer] = recipients;
  if (!peer || recipients.length !== 1) throw new Error('OpenPGP encrypts one-to-one chats only, not group chats');
  return peer;
}
