// The mark of a gateway's network (XEP-0100 identity type): a short sign on the network's consistent
// colour, as a gateway's own picture in the roster and as a corner badge on its contacts' avatars.
import { gatewayNetwork } from '../../shared/model/gateway.ts';
import { consistentColor } from '../lib/consistentColor.ts';

const MARKS: Record<string, string> = {
  irc: '#',
  telegram: 'TG',
  whatsapp: 'WA',
  signal: 'SG',
  matrix: '[m]',
  discord: 'DC',
  facebook: 'FB',
  skype: 'SK',
  slack: 'SL',
  steam: 'ST',
  sms: 'SMS',
  smtp: '@',
  xmpp: 'X',
};

export function networkMark(type: string): string {
  return MARKS[type] ?? ([...gatewayNetwork(type)].slice(0, 2).join('').toUpperCase() || '?');
}

export function NetworkBadge({ type, size = 36, corner = false }: { type: string; size?: number; corner?: boolean }) {
  const network = gatewayNetwork(type) || type;
  return (
    <span
      className={corner ? 'network-badge corner' : 'network-badge'}
      role="img"
      aria-label={network}
      title={network}
      style={{ backgroundColor: consistentColor(type || 'gateway'), width: size, height: size, fontSize: size * 0.38 }}
    >
      {networkMark(type)}
    </span>
  );
}
