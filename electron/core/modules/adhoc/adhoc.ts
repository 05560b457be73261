// XEP-0050 ad-hoc commands on any entity: the list (disco#items on the commands node) and a session
// of stages, each a form to fill or notes, moved on by execute / next / prev / complete / cancel.
import type { AdhocAction, AdhocCommand, AdhocNote, AdhocStage } from '../../../../shared/model/disco.ts';
import type { DataForm, DataFormValues } from '../../../../shared/model/dataForm.ts';
import type { Connection } from '../../account/connection.ts';
import { bobData, buildSubmission, NS_DATA, parseDataForm } from '../../xmpp/dataForm.ts';
import { el, type Element } from '../../xmpp/stanza.ts';
import { discoItems } from '../disco/queries.ts';

export const NS_COMMANDS = 'http://jabber.org/protocol/commands';
const STAGE_ACTIONS = ['prev', 'next', 'complete'] as const;
type StageAction = (typeof STAGE_ACTIONS)[number];
const isStageAction = (name: string): name is StageAction => (STAGE_ACTIONS as readonly string[]).includes(name);
const MAX_NOTES = 20;

export async function listCommands(xmpp: Connection, jid: string): Promise<AdhocCommand[]> {
  return (await discoItems(xmpp, jid, NS_COMMANDS))
    .filter((item) => item.node)
    .map((item) => ({ jid: item.jid, node: item.node ?? '', name: item.name || (item.node ?? '') }));
}

export function parseStage(jid: string, node: string, command: Element | undefined, iq?: Element): AdhocStage {
  const status = command?.attrs.status;
  const actions = command?.getChild('actions');
  const offered = (actions?.getChildElements() ?? []).map((a) => a.name).filter(isStageAction);
  const execute = actions?.attrs.execute;
  const form = parseDataForm(command?.getChild('x', NS_DATA), bobData(iq ?? command));
  const notes: AdhocNote[] = (command?.getChildren('note') ?? []).slice(0, MAX_NOTES).map((n) => ({
    type: n.attrs.type === 'warn' || n.attrs.type === 'error' ? n.attrs.type : 'info',
    text: n.text(),
  }));
  const state: AdhocStage['status'] =
    status === 'completed' || status === 'canceled' ? status : status === 'executing' ? 'executing' : 'completed';
  return {
    jid,
    node,
    sessionId: command?.attrs.sessionid ?? '',
    status: state,
    ...(form ? { form } : {}),
    notes,
    actions: state === 'executing' ? (offered.length > 0 ? offered : ['complete']) : [],
    ...(execute && isStageAction(execute) ? { defaultAction: execute } : {}),
  };
}

/** Runs one step of a command: the first (no session) or the next with the form's values. */
export async function executeCommand(
  xmpp: Connection,
  request: {
    jid: string;
    node: string;
    sessionId?: string;
    action?: AdhocAction;
    form?: DataForm;
    values?: DataFormValues;
  },
): Promise<AdhocStage> {
  const action = request.action ?? 'execute';
  const payload =
    request.form && request.values && action !== 'cancel' && action !== 'prev'
      ? [buildSubmission(request.form, request.values)]
      : [];
  const answer = await xmpp.iq(
    'set',
    request.jid,
    el(
      'command',
      NS_COMMANDS,
      { node: request.node, action, ...(request.sessionId ? { sessionid: request.sessionId } : {}) },
      ...payload,
    ),
    60_000,
  );
  return parseStage(request.jid, request.node, answer.getChild('command', NS_COMMANDS), answer);
}
