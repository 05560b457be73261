// The virtualized message list: only rows near the viewport are in the DOM; scrolling near the top
// loads the next older page, and the row being read stays put when rows are added or measured.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { useScrollViewport } from '../components/useScrollViewport.ts';
import { useT } from '../i18n/useT.ts';
import { loadOlder, markDisplayed } from '../store/actions.ts';
import type { ChatLog } from '../store/chats.ts';
import { setState, useAppStore } from '../store/index.ts';
import { buildRows } from './messageRows.ts';
import { MessageRow } from './MessageRow.tsx';
import { FindBar } from './FindBar.tsx';
import { isReferencedBy } from './ReplyQuote.tsx';
import { computeLayout, keepAnchor, type Layout, visibleRange } from './virtualWindow.ts';

const ESTIMATE = 56;
const HEADER = 44;
/** Pixels of rows kept beyond the viewport: enough for a wheel turn; more made each page of older messages a long task. */
const OVERSCAN = 400;
/** Rows beyond the viewport in the first frame of a chat: a switch paints few rows, the rest follow. */
const FIRST_OVERSCAN = 150;
const LOAD_MARGIN = 600;

export function MessageList({
  account,
  peer,
  log,
  peerName,
  ownJid,
  canModerate = false,
}: {
  account: AccountId;
  peer: BareJid;
  log: ChatLog;
  peerName: string;
  ownJid: string;
  canModerate?: boolean;
}) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const rows = useMemo(() => buildRows(log.messages), [log.messages]);
  const keys = useMemo(() => rows.map((r) => r.key), [rows]);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const layout = useMemo(() => computeLayout(keys, heights.current, ESTIMATE), [keys, measured]);
  const scroller = useRef<HTMLDivElement>(null);
  const previous = useRef<Layout | undefined>(undefined);
  const atBottom = useRef(true);
  /** Where we last put (or saw) the scroll position: only moving up from it leaves the bottom. */
  const lastTop = useRef(0);
  const [viewport, readViewport] = useScrollViewport(scroller, 0);

  const total = layout.offsets[keys.length] ?? 0;
  const padTop = Math.max(HEADER, viewport.height - total);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const before = previous.current;
    if (atBottom.current) el.scrollTop = el.scrollHeight;
    else if (before && before !== layout) el.scrollTop = keepAnchor(before, layout, el.scrollTop - padTop) + padTop;
    lastTop.current = el.scrollTop;
    previous.current = layout;
    readViewport();
  }, [layout, padTop, readViewport]);

  // A reply's quote was clicked: scroll to that message, loading older pages until it is there.
  const jump = useAppStore((s) => (s.jumpTo?.account === account && s.jumpTo.peer === peer ? s.jumpTo : undefined));
  const [highlight, setHighlight] = useState<string>();
  // The full overscan once the chat's first frame is on screen (a timer queued from that frame's rAF).
  const chat = `${account} ${peer}`;
  const [settledFor, setSettledFor] = useState<string>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setSettledFor(chat), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [chat]);
  const finding = useAppStore((s) => s.findInChat?.account === account && s.findInChat.peer === peer);
  useLayoutEffect(() => {
    if (!jump) return;
    const index = rows.findIndex((r) =>
      jump.byId
        ? r.message.id === jump.ref
        : jump.byStanzaId
          ? r.message.stanzaId === jump.ref
          : isReferencedBy(r.message, jump.ref),
    );
    const el = scroller.current;
    if (index < 0 || !el) {
      if (log.hasOlder && !log.loadingOlder) void loadOlder(account, peer);
      else if (!log.hasOlder) setState({ jumpTo: undefined });
      return;
    }
    atBottom.current = false;
    el.scrollTop = Math.max(0, (layout.offsets[index] ?? 0) + padTop - 60);
    lastTop.current = el.scrollTop;
    readViewport();
    if (!jump.quiet) setHighlight(rows[index]?.message.id);
    setState({ jumpTo: undefined });
  }, [jump, rows, log.hasOlder, log.loadingOlder, layout, padTop, account, peer, readViewport]);

  // Where the messages unread at opening start: a separator there, and the list opens at it.
  const unreadAtOpen = useAppStore((s) =>
    s.openChat?.account === account && s.openChat.peer === peer ? (s.openChat.unreadAtOpen ?? 0) : 0,
  );
  const firstUnread = useMemo(() => {
    if (unreadAtOpen === 0) return undefined;
    const incoming = log.messages.filter((m) => m.direction === 'in');
    return incoming[incoming.length - unreadAtOpen]?.id;
  }, [unreadAtOpen, log.messages]);
  const jumpedToUnread = useRef(false);
  useEffect(() => {
    if (!firstUnread || jumpedToUnread.current) return;
    jumpedToUnread.current = true;
    if (unreadAtOpen > 3)
      setState({ jumpTo: { account, peer, ref: firstUnread, at: Date.now(), byId: true, quiet: true } });
  }, [firstUnread, unreadAtOpen, account, peer]);
  // Messages that arrive while the user reads further up: a pill that takes them down.
  const [below, setBelow] = useState(0);
  const seenCount = useRef(log.messages.length);
  useEffect(() => {
    const added = log.messages.length - seenCount.current;
    seenCount.current = log.messages.length;
    if (added > 0 && !atBottom.current && log.messages.at(-1)?.direction === 'in') setBelow((n) => n + added);
  }, [log.messages]);
  const toBottom = (): void => {
    const el = scroller.current;
    atBottom.current = true;
    setBelow(0);
    if (el) el.scrollTop = el.scrollHeight;
  };

  const pendingFrame = useRef(0);
  const rowObserver = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        for (const entry of entries) {
          const key = (entry.target as HTMLElement).dataset.key ?? '';
          const height = Math.ceil(entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
          if (height > 0 && heights.current.get(key) !== height) {
            heights.current.set(key, height);
            changed = true;
          }
        }
        if (changed && !pendingFrame.current) {
          pendingFrame.current = requestAnimationFrame(() => {
            pendingFrame.current = 0;
            setMeasured((n) => n + 1);
          });
        }
      }),
    [],
  );
  useEffect(() => () => rowObserver.disconnect(), [rowObserver]);
  const observe = useCallback(
    (el: HTMLDivElement) => {
      rowObserver.observe(el);
      return () => rowObserver.unobserve(el);
    },
    [rowObserver],
  );

  const onScroll = (): void => {
    const el = scroller.current;
    if (!el) return;
    // Rows measured after we scrolled to the bottom grow the content under us: that is not the user leaving it.
    const movedUp = el.scrollTop < lastTop.current - 1;
    lastTop.current = el.scrollTop;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - 8) {
      atBottom.current = true;
      if (below) setBelow(0);
    } else if (movedUp) atBottom.current = false;
    readViewport();
    if (el.scrollTop < LOAD_MARGIN && log.hasOlder && !log.loadingOlder) void loadOlder(account, peer);
  };

  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollHeight <= el.clientHeight && log.hasOlder && !log.loadingOlder && keys.length > 0)
      void loadOlder(account, peer);
  }, [keys.length, log.hasOlder, log.loadingOlder, account, peer]);

  // What the user sees at the bottom of a visible window counts as read: tell the peer and our other devices.
  useEffect(() => {
    if (!atBottom.current || document.visibilityState !== 'visible') return;
    for (let i = log.messages.length - 1; i >= 0; i--) {
      const message = log.messages[i];
      if (message?.direction === 'in') {
        markDisplayed(account, peer, message.id);
        return;
      }
    }
  }, [log.messages, viewport, account, peer]);

  const viewHeight = viewport.height || 800;
  // At the bottom (a chat just opened, or followed as messages come) the rows are those at the end, even
  // before the layout effect has moved the scroll position there: one render, not the top rows and then these.
  const range = visibleRange(
    layout,
    atBottom.current ? Math.max(0, total - viewHeight) : Math.max(0, viewport.top - padTop),
    viewHeight,
    settledFor === chat ? OVERSCAN : FIRST_OVERSCAN,
  );
  const header = log.loadingOlder
    ? t('chat.loadingOlder')
    : !log.hasOlder
      ? keys.length
        ? t('chat.start')
        : t('chat.empty')
      : '';
  return (
    <div className="messages-wrap">
      {finding ? <FindBar account={account} peer={peer} log={scroller} /> : null}
      <div
        ref={scroller}
        className="messages"
        role="log"
        aria-label={t('chat.messages', { name: peerName })}
        tabIndex={0}
        onScroll={onScroll}
      >
        <div className="messages-inner" style={{ height: total + padTop }}>
          <p className="messages-header" style={{ top: padTop - HEADER }}>
            {header}
          </p>
          {rows.slice(range.start, range.end).map((row, i) => (
            <div
              key={row.key}
              data-key={row.key}
              ref={observe}
              className="virtual-row"
              style={{ transform: `translateY(${(layout.offsets[range.start + i] ?? 0) + padTop}px)` }}
            >
              <MessageRow
                row={row}
                peerName={peerName}
                ownJid={ownJid}
                language={language}
                canModerate={canModerate}
                highlighted={row.message.id === highlight}
                unreadStart={row.message.id === firstUnread}
              />
            </div>
          ))}
        </div>
      </div>
      {below > 0 ? (
        <button type="button" className="new-below" onClick={toBottom}>
          {t('chat.newBelow', { count: below })} ↓
        </button>
      ) : null}
    </div>
  );
}
