// Why an account is offline, in the user's language: a refusal's or failure's code is worded here, else the
// engine's reason.
import type { ConnectionState } from '../../shared/model/connection.ts';
import type { Translate } from '../i18n/translate.ts';
import { wordReason } from '../errors/describeError.ts';

export function offlineText(state: ConnectionState | undefined, t: Translate): string | undefined {
  if (state?.status !== 'offline') return undefined;
  if (state.code) return t(`connection.code.${state.code}`);
  if (state.why) return wordReason(state.why, t);
  return state.reason;
}
