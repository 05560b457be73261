// Validates and runs one command for any transport, always answering with a Result.
import type { CoreCommands } from '../../shared/ipc/contract.ts';
import { fail, ok, type Result } from '../../shared/ipc/result.ts';
import { isCommandName, validateCommand } from '../../shared/ipc/validate.ts';
import { createLogger } from './log.ts';
import { CertificateError } from './xmpp/errors.ts';
import { errorReason } from './errorReason.ts';

const log = createLogger('dispatch');

export async function dispatchCommand(commands: CoreCommands, name: unknown, arg: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name))
    return fail('unknown-command', `Unknown command ${JSON.stringify(String(name)).slice(0, 80)}`);
  const checked = validateCommand(name, arg);
  if (!checked.ok) return fail('invalid-argument', checked.message);
  try {
    const run = (commands as unknown as Record<string, (a: unknown) => Promise<unknown>>)[name];
    if (!run) return fail('unknown-command', `Unknown command ${name}`);
    return ok((await run(checked.arg)) ?? null);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.info('command failed', { name, message });
    if (error instanceof CertificateError) {
      return fail('untrusted-certificate', message, {
        certificate: {
          fingerprint: error.fingerprint,
          subject: error.subject,
          reason: error.reason,
          ...(error.previousFingerprint ? { previousFingerprint: error.previousFingerprint } : {}),
        },
        reason: { code: 'tls-failed' },
      });
    }
    return fail('failed', message, { reason: errorReason(error) });
  }
}
