// Service discovery (XEP-0030) and ad-hoc commands (XEP-0050) as plain data.
import type { DataForm } from './dataForm.ts';

export interface DiscoIdentity {
  category: string;
  type: string;
  name: string;
}

export interface DiscoInfo {
  jid: string;
  node?: string;
  identities: DiscoIdentity[];
  features: string[];
  /** Extended information (XEP-0128): the forms beside the features, e.g. a room's or a server's contacts. */
  forms: DataForm[];
}

export interface DiscoItem {
  jid: string;
  node?: string;
  name: string;
}

export const MAX_DISCO_ITEMS = 1000;

export interface AdhocCommand {
  jid: string;
  node: string;
  name: string;
}

export const ADHOC_ACTIONS = ['execute', 'prev', 'next', 'complete', 'cancel'] as const;
export type AdhocAction = (typeof ADHOC_ACTIONS)[number];

export interface AdhocNote {
  type: 'info' | 'warn' | 'error';
  text: string;
}

/** One stage of a command's session: a form to fill (executing), or its end with notes. */
export interface AdhocStage {
  jid: string;
  node: string;
  sessionId: string;
  status: 'executing' | 'completed' | 'canceled';
  form?: DataForm;
  notes: AdhocNote[];
  /** The actions the command offers now besides cancel; `complete` is implied when the form has no actions. */
  actions: Array<'prev' | 'next' | 'complete'>;
  defaultAction?: 'prev' | 'next' | 'complete';
}
