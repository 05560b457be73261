// xmpp: links (RFC 5122, XEP-0147) are handled inside the app, never handed to the operating system:
// a chat (a stranger's lands in message requests like any), the join dialog filled in, "add contact"
// filled in, device verification, account creation; anything else says what it is. With several
// accounts and none named in the link, the user picks one.
import type { AccountId } from '../../shared/model/account.ts';
import { parseXmppUri, type XmppUriAction } from '../../shared/model/xmppUri.ts';
import { call } from '../ipc/client.ts';
import { openChat } from '../store/actions.ts';
import { getState, openDialog, setState } from '../store/index.ts';

export async function runXmppAction(account: AccountId, action: XmppUriAction): Promise<void> {
  setState({ activeAccount: account });
  switch (action.kind) {
    case 'chat':
      if (action.body) setState({ composerDraft: { account, peer: action.jid, text: action.body } });
      openDialog(undefined);
      await openChat(account, action.jid);
      return;
    case 'join':
      openDialog({
        kind: 'joinRoom',
        room: action.room,
        ...(action.password ? { password: action.password } : {}),
        ...(action.nick ? { nick: action.nick } : {}),
      });
      return;
    case 'roster':
      openDialog({
        kind: 'addContact',
        jid: action.jid,
        ...(action.name ? { name: action.name } : {}),
        ...(action.group ? { group: action.group } : {}),
      });
      return;
    case 'verify': {
      const uri = `xmpp:${action.jid}?${action.devices.map((d) => `omemo-sid-${d.id}=${d.fingerprint}`).join(';')}`;
      await call('omemo.verifyUri', { account, uri }).catch(() => undefined);
      openDialog({ kind: 'omemoDevices', peer: action.jid });
      return;
    }
    case 'register':
      openDialog(undefined);
      setState({ addingAccount: true });
      return;
    case 'unknown':
      openDialog({ kind: 'xmppUri', uri: `xmpp:${action.jid}?${action.action}`, notice: action.action });
  }
}

/** Opens an xmpp: link; returns false when it is not one (nothing happens then). */
export function openXmppUri(uri: string): boolean {
  const parsed = parseXmppUri(uri);
  if (!parsed) return false;
  const accounts = getState().accounts;
  const named = parsed.account && accounts.find((a) => a.id === parsed.account);
  const only = accounts.length === 1 ? accounts[0] : undefined;
  const account = named || only;
  if (account) void runXmppAction(account.id, parsed.action).catch(() => undefined);
  else openDialog({ kind: 'xmppUri', uri });
  return true;
}
