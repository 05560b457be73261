// Service discovery and ad-hoc command commands, bound to an account's runtime. The engine keeps each
// running command's last form, so a step submits exactly the fields the entity asked for.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { DataForm } from '../../../../shared/model/dataForm.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';
import { executeCommand, listCommands } from './adhoc.ts';
import { discoInfo, discoItems } from '../disco/queries.ts';

export type AdhocCommands = Pick<CoreCommands, 'disco.info' | 'disco.items' | 'adhoc.list' | 'adhoc.execute'>;

const MAX_SESSIONS = 50;

export function createAdhocCommands(runtime: (account: AccountId) => AccountRuntime): AdhocCommands {
  const forms = new Map<string, DataForm>();
  const key = (account: string, jid: string, sessionId: string): string => `${account}\n${jid}\n${sessionId}`;
  return {
    'disco.info': ({ account, jid, node }) => discoInfo(runtime(account).connection, jid, node),
    'disco.items': ({ account, jid, node }) => discoItems(runtime(account).connection, jid, node),
    'adhoc.list': ({ account, jid }) => listCommands(runtime(account).connection, jid),
    'adhoc.execute': async ({ account, jid, node, sessionId, action, values }) => {
      const at = sessionId ? key(account, jid, sessionId) : undefined;
      const form = at ? forms.get(at) : undefined;
      const stage = await executeCommand(runtime(account).connection, {
        jid,
        node,
        ...(sessionId ? { sessionId } : {}),
        ...(action ? { action } : {}),
        ...(form && values ? { form, values } : {}),
      });
      if (at) forms.delete(at);
      if (stage.status === 'executing' && stage.form && stage.sessionId) {
        forms.set(key(account, jid, stage.sessionId), stage.form);
        while (forms.size > MAX_SESSIONS) forms.delete(forms.keys().next().value ?? '');
      }
      return stage;
    },
  };
}
