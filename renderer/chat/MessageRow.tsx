import { callEntryText } from '../calls/callEntryText.ts';
import { memo, useState } from 'react';
import { sharedFileUrl } from '../../shared/model/file.ts';
import type { DeliveryState } from '../../shared/model/message.ts';
import { Avatar } from '../components/Avatar.tsx';
import { OccupantAvatar } from '../rooms/OccupantAvatar.tsx';
import { DeliveryIcon } from '../components/DeliveryIcon.tsx';
import { FileCard } from '../files/FileCard.tsx';
import { useT } from '../i18n/useT.ts';
import { formatDay, formatFullDate, formatTime } from '../lib/format.ts';
import type { Language } from '../store/settings.ts';
import { setState } from '../store/index.ts';
import { StyledText } from '../styling/StyledText.tsx';
import type { MessageRow as Row } from './messageRows.ts';
import { EncryptionMark, EncryptionProblem, OtrNote } from '../omemo/EncryptionMark.tsx';
import { DistrustedGuard, RefusedCorrectionNote, RetractedInClear, UnencryptedMark } from '../omemo/MessageSafety.tsx';
import { MessageActions } from './MessageActions.tsx';
import { ReactionBar } from './ReactionBar.tsx';
import { ReplyQuote } from './ReplyQuote.tsx';

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
  highlighted = false,
  unreadStart = false,
}: {
  row: Row;
  peerName: string;
  ownJid: string;
  language: Language;
  canModerate?: boolean;
  highlighted?: boolean;
  unreadStart?: boolean;
}) {
  const t = useT();
  const { message } = row;
  const own = message.direction === 'out';
  const sender = message.groupchat ? message.from : peerName;
  const senderKey = message.groupchat ? `${message.peer}/${message.occupantId ?? message.from}` : message.peer;
  const time = formatTime(message.timestamp, language);
  const fileUrl = message.retracted ? undefined : sharedFileUrl(message.body, message.oobUrl);
  const [menuSignal, setMenuSignal] = useState(0);
  return (
    <div className="message-row">
      {unreadStart ? (
        <div className="unread-separator" role="separator">
          <span>{t('chat.newMessages')}</span>
        </div>
      ) : null}
      {row.dayStart ? (
        <div className="day-separator" role="separator">
          <span>{formatDay(message.timestamp, language, t)}</span>
        </div>
      ) : null}
      {message.call ? (
        <p className={`call-entry ${own ? 'own' : 'theirs'}`}>
          <span aria-hidden="true">📞</span> {callEntryText(t, message.call, own)}{' '}
          <time
            dateTime={new Date(message.timestamp).toISOString()}
            title={formatFullDate(message.timestamp, language)}
          >
            {time}
          </time>
        </p>
      ) : (
        <div
          className={`message ${own ? 'own' : 'theirs'}${row.groupStart ? ' first' : ''}${message.mention ? ' mention' : ''}${highlighted ? ' highlighted' : ''}`}
        >
          {row.groupStart ? (
            <div className="message-meta">
              {message.groupchat && !own ? (
                <OccupantAvatar
                  account={message.account}
                  room={message.peer}
                  nick={message.from}
                  occupantId={message.occupantId}
                  size={28}
                />
              ) : (
                <Avatar jid={own ? ownJid : senderKey} name={own ? ownJid : sender} size={28} />
              )}
              {message.groupchat && !own ? (
                <button
                  type="button"
                  className="sender link-button"
                  title={t('chat.mention', { nick: sender })}
                  onClick={() =>
                    setState({
                      composerDraft: {
                        account: message.account,
                        peer: message.peer,
                        text: `${sender}: `,
                        append: true,
                      },
                    })
                  }
                >
                  {sender}
                </button>
              ) : (
                <span className="sender">{own ? t('chat.you') : sender}</span>
              )}
            </div>
          ) : null}
          <div
            className="bubble-row"
            onContextMenu={(e) => {
              if (window.getSelection()?.toString()) return;
              e.preventDefault();
              setMenuSignal(Date.now());
            }}
          >
            <div className={`bubble${message.retracted ? ' retracted' : ''}`}>
              <ReplyQuote message={message} peerName={peerName} />
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
              <OtrNote message={message} />
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
              <ReactionBar message={message} />
            </div>
            <MessageActions message={message} canModerate={canModerate} openSignal={menuSignal} />
          </div>
        </div>
      )}
    </div>
  );
});
