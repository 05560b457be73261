// An error in the user's words: the engine's code worded in the UI language, its English text kept as
// technical details (shown folded away) so nothing is lost for a bug report.
import { CommandError } from '../../shared/ipc/result.ts';
import type { ErrorReason } from '../../shared/model/errors.ts';
import type { Translate } from '../i18n/translate.ts';

export interface DescribedError {
  text: string;
  details?: string;
}

export function wordReason(reason: ErrorReason, t: Translate): string {
  return t(`error.code.${reason.code}`, reason.params ?? {});
}

export function describeError(error: unknown, t: Translate): DescribedError {
  if (typeof error === 'string') return { text: error };
  const message = error instanceof Error ? error.message : String(error);
  const reason = error instanceof CommandError ? error.reason : undefined;
  if (!reason) return { text: t('error.code.unknown'), details: message };
  const text = wordReason(reason, t);
  return message && message !== text ? { text, details: message } : { text };
}
