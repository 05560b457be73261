// Small line icons for a message's delivery state (no emoji font needed).
import type { DeliveryState } from '../../shared/model/message.ts';

const PATHS: Record<DeliveryState, string> = {
  queued: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13ZM8 4v4.3l2.8 1.7',
  sent: 'M3 8.5l3 3 7-7',
  acked: 'M3 8.5l3 3 7-7',
  delivered: 'M1 8.5l3 3 7-7M7 11.5l7-7',
  read: 'M1 8.5l3 3 7-7M7 11.5l7-7',
  received: 'M1 8.5l3 3 7-7M7 11.5l7-7',
  failed: 'M8 2l6.5 11.5h-13L8 2ZM8 6.5v3.5M8 11.8v.2',
};

export function DeliveryIcon({ state }: { state: DeliveryState }) {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
      <path
        d={PATHS[state]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
