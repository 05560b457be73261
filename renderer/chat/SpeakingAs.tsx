// With several accounts, a chat's header says which one we write as (in its colour).
import type { Account } from '../../shared/model/account.ts';
import { useT } from '../i18n/useT.ts';
import { consistentColor } from '../lib/consistentColor.ts';
import { useAppStore } from '../store/index.ts';

export function SpeakingAs({ account }: { account: Account }) {
  const t = useT();
  const several = useAppStore((s) => s.accounts.length > 1);
  if (!several) return null;
  return (
    <span className="speaking-as">
      <span className="account-dot" aria-hidden="true" style={{ backgroundColor: consistentColor(account.id) }} />
      {t('chat.speakingAs', { jid: account.jid })}
    </span>
  );
}
