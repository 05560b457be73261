// A chat or room pane that takes dropped files, with a hint of where they go while dragging.
import type { ReactNode } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { useT } from '../i18n/useT.ts';
import { useFileDrop } from './useFileDrop.ts';

export function DropSection({
  account,
  peer,
  name,
  className,
  children,
}: {
  account: AccountId;
  peer: BareJid;
  name: string;
  className: string;
  children: ReactNode;
}) {
  const t = useT();
  const { dragging, handlers } = useFileDrop(account, peer);
  return (
    <section className={`${className}${dragging ? ' dragging' : ''}`} aria-label={name} {...handlers}>
      {children}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <span>{t('files.dropHere', { name })}</span>
        </div>
      ) : null}
    </section>
  );
}
