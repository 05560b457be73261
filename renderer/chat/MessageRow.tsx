import { memo } from 'react';
import { sharedFileUrl } from '../../shared/model/file.ts';
import type { DeliveryState } from '../../shared/model/message.ts';
import { Avatar } from '../components/Avatar.tsx';
import { DeliveryIcon } from '../components/DeliveryIcon.tsx';
import { FileCard } from '../files/FileCard.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { formatDay, formatFullDate, formatTime } from '../lib/format.ts';
import type { Language } from '../store/settings.ts';
import { StyledText } from '../styling/StyledText.tsx';
import type { MessageRow as Row } from './messageRows.ts';
import { EncryptionMark, EncryptionProblem } from '../omemo/EncryptionMark.tsx';
import { DistrustedGuard, RefusedCorrectionNote, RetractedInClear, UnencryptedMark } from '../omemo/MessageSafety.tsx';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';

function DeliveryMark({ state }: { state: DeliveryState }) {
  const t = useT();
  return (
    <span
      className={`delivery delivery-${state}`}
      role="img"
      aria-label={t(`delivery.${state}`)}
      title={t(`delivery.${state}`)}
    >
      <DeliveryIcon state={state} />
    </span>
  );
}

export const MessageRow = memo(function MessageRow({
  row,
  peerName,
  ownJid,
  language,
  canModerate = false,
}: {
  row: Row;
  peerName: string;
  ownJid: string;
  language: Language;
  canModerate?: boolean;
}) {
  const t = useT();
  const { message } = row;
  const own = message.direction === 'out';
  const sender = message.groupchat ? message.from : peerName;
  const senderKey = message.groupchat ? `${message.peer}/${message.occupantId ?? message.from}` : message.peer;
  const time = formatTime(message.timestamp, language);
  const fileUrl = message.retracted ? undefined : sharedFileUrl(message.body, message.oobUrl);
  return (
    <div className="message-row">
      {row.dayStart ? (
        <div className="day-separator" role="separator">
          <span>{formatDay(message.timestamp, language, t)}</span>
        </div>
      ) : null}
      <div
        className={`message ${own ? 'own' : 'theirs'}${row.groupStart ? ' first' : ''}${message.mention ? ' mention' : ''}`}
      >
        {row.groupStart ? (
          <div className="message-meta">
            <Avatar jid={own ? ownJid : senderKey} name={own ? ownJid : sender} size={28} />
            <span className="sender">{own ? t('chat.you') : sender}</span>
          </div>
        ) : null}
        <div className="bubble-row">
          <div className={`bubble${message.retracted ? ' retracted' : ''}`}>
            {message.retracted && message.encryption?.retractedInClear ? (
              <RetractedInClear message={message} />
            ) : message.retracted ? (
              <p className="retracted-text">{t('chat.retracted')}</p>
            ) : message.encryption?.error && message.direction === 'in' ? null : (
              <DistrustedGuard message={message}>
                {fileUrl ? <FileCard message={message} url={fileUrl} /> : <StyledText body={message.body} />}
              </DistrustedGuard>
            )}
            <RefusedCorrectionNote message={message} />
            <EncryptionProblem message={message} />
            <span className="message-footer">
              {message.edited && !message.retracted ? <span className="edited">{t('chat.edited')}</span> : null}
              <EncryptionMark message={message} />
              <UnencryptedMark message={message} />
              <time
                dateTime={new Date(message.timestamp).toISOString()}
                title={formatFullDate(message.timestamp, language)}
              >
                {time}
              </time>
              {own ? <DeliveryMark state={message.state} /> : null}
            </span>
          </div>
          {own && !message.retracted && message.state !== 'queued' ? (
            <button
              type="button"
              className="message-action"
              aria-label={t('chat.retract')}
              title={t('chat.retract')}
              onClick={() =>
                void askConfirm(t('chat.confirmRetract'), t('chat.retractConfirm')).then(async (ok) => {
                  if (ok) await call('chat.retract', { account: message.account, id: message.id }).catch(showNotice);
                })
              }
            >
              ⌫
            </button>
          ) : null}
          {!own && canModerate && message.groupchat && message.stanzaId && !message.retracted ? (
            <button
              type="button"
              className="message-action"
              aria-label={t('chat.moderate')}
              title={t('chat.moderate')}
              onClick={() =>
                void askConfirm(t('chat.confirmModerate'), t('chat.moderateConfirm')).then(async (ok) => {
                  if (ok)
                    await call('muc.moderate', {
                      account: message.account,
                      room: message.peer,
                      stanzaId: message.stanzaId ?? '',
                    }).catch(showNotice);
                })
              }
            >
              ⌫
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
});
