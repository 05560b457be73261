// A message's details: when it was sent and stored, its delivery state, ids, and its encryption (which
// device, with what trust).
import type { ChatMessage } from '../../shared/model/message.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useT } from '../i18n/useT.ts';
import { formatFullDate } from '../lib/format.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { chatKey } from '../store/chats.ts';

export function MessageDetailsDialog({ message }: { message: ChatMessage }) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const live = useAppStore((s) =>
    s.chats[chatKey(message.account, message.peer)]?.messages.find((m) => m.id === message.id),
  );
  const m = live ?? message;
  const e = m.encryption;
  const rows: [string, string][] = [
    [t('details.from'), m.direction === 'out' ? t('chat.you') : m.from],
    [t('details.sent'), formatFullDate(m.timestamp, language)],
    [t('details.state'), t(`delivery.${m.state}`)],
    [
      t('details.encryption'),
      e
        ? e.error
          ? e.error
          : [
              t('details.device', {
                device: e.device ?? '—',
                jid: e.jid ?? m.peer,
                trust: t(`omemo.trust.${e.trust ?? 'blind'}`),
              }),
              e.protocol === 'omemo' ? t(`omemo.version.${e.version ?? 'legacy'}`) : '',
            ]
              .filter(Boolean)
              .join(' · ')
        : t('details.none'),
    ],
    [t('details.ids'), [m.id, m.originId, m.stanzaId].filter(Boolean).join('\n')],
  ];
  return (
    <Dialog title={t('details.title')} onClose={() => openDialog(undefined)}>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
