import { memo } from 'react';
import { Avatar } from '../components/Avatar.tsx';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { NetworkBadge } from '../services/NetworkBadge.tsx';
import { useT } from '../i18n/useT.ts';
import type { ContactView } from './rosterView.ts';
import { wordReason } from '../errors/describeError.ts';

type Props = { contact: ContactView; selected: boolean; onOpen: (contact: ContactView) => void };

/** Rows are rebuilt on every roster change; only what is shown decides whether one re-renders. */
const sameRow = (a: Props, b: Props): boolean =>
  a.selected === b.selected &&
  a.onOpen === b.onOpen &&
  a.contact.jid === b.contact.jid &&
  a.contact.displayName === b.contact.displayName &&
  a.contact.show === b.contact.show &&
  a.contact.status === b.contact.status &&
  a.contact.unread === b.contact.unread &&
  a.contact.item.pendingOut === b.contact.item.pendingOut &&
  a.contact.unreachable?.code === b.contact.unreachable?.code &&
  a.contact.network?.type === b.contact.network?.type;

export const ContactRow = memo(function ContactRow({ contact, selected, onOpen }: Props) {
  const t = useT();
  const secondary = contact.unreachable
    ? t('roster.unreachable', { reason: wordReason(contact.unreachable, t) })
    : contact.status || (contact.item.pendingOut ? t('roster.pending') : t(`show.${contact.show}`));
  return (
    <li className={`contact${selected ? ' selected' : ''}${contact.show === 'offline' ? ' offline' : ''}`}>
      <button
        type="button"
        aria-current={selected ? 'true' : undefined}
        aria-label={`${contact.displayName}, ${t(`show.${contact.show}`)}${contact.status ? `, ${contact.status}` : ''}${contact.unread ? `, ${t('roster.unread', { count: contact.unread })}` : ''}`}
        onClick={() => onOpen(contact)}
      >
        <span className="contact-avatar">
          {contact.network?.gateway ? (
            <NetworkBadge type={contact.network.type} />
          ) : (
            <Avatar jid={contact.jid} name={contact.displayName} />
          )}
          {contact.network && !contact.network.gateway ? (
            <NetworkBadge type={contact.network.type} size={16} corner />
          ) : null}
          <PresenceDot show={contact.show} />
        </span>
        <span className="contact-text">
          <span className="contact-name">{contact.displayName}</span>
          <span className={contact.unreachable ? 'contact-status unreachable' : 'contact-status'} title={secondary}>
            {secondary}
          </span>
        </span>
        {contact.unread > 0 ? <span className="badge">{contact.unread > 99 ? '99+' : contact.unread}</span> : null}
      </button>
    </li>
  );
}, sameRow);
