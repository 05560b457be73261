// Gateways to other networks (XEP-0100): what the user sees of one, and the networks' names.
import type { BareJid } from './jid.ts';
import type { RegistrationForm } from './account.ts';

export interface GatewayRegistration extends RegistrationForm {
  /** We are registered with it already; the form then shows the values it holds. */
  registered: boolean;
}

/** XEP-0100's prompt: how the gateway names a legacy address (e.g. "IRC nick"), to turn one into a JID. */
export interface GatewayPrompt {
  description: string;
  prompt: string;
}

export interface Gateway {
  jid: BareJid;
  /** The disco identity's type (irc, telegram, …), mapped to a name by gatewayNetwork. */
  type: string;
  name: string;
}

/** Disco identity types of category "gateway" (the XMPP registry), by the network's own name. */
const NETWORKS: Record<string, string> = {
  aim: 'AIM',
  discord: 'Discord',
  facebook: 'Facebook',
  'gadu-gadu': 'Gadu-Gadu',
  icq: 'ICQ',
  irc: 'IRC',
  mattermost: 'Mattermost',
  matrix: 'Matrix',
  msn: 'MSN',
  mrim: 'Mail.Ru Agent',
  qq: 'QQ',
  signal: 'Signal',
  skype: 'Skype',
  slack: 'Slack',
  sms: 'SMS',
  smtp: 'E-mail',
  steam: 'Steam',
  telegram: 'Telegram',
  tlen: 'Tlen',
  whatsapp: 'WhatsApp',
  xfire: 'Xfire',
  xmpp: 'XMPP',
  yahoo: 'Yahoo!',
};

/** The network a gateway leads to, by its disco identity type; an unknown type is shown as given. */
export function gatewayNetwork(type: string): string {
  return NETWORKS[type] ?? type;
}
