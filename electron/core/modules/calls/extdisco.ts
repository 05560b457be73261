// XEP-0215 External Service Discovery: the STUN and TURN servers (and TURN credentials) our server hands out,
// asked before each call because the credentials expire.
import type { CallIceServer } from '../../../../shared/model/call.ts';
import type { Connection } from '../../account/connection.ts';
import { attr, el, type Element } from '../../xmpp/stanza.ts';
import { NS_EXTDISCO } from './jingle.ns.ts';

const MAX_SERVICES = 16;

function iceServer(service: Element): CallIceServer | undefined {
  const type = attr(service, 'type');
  const host = attr(service, 'host');
  const port = Number(attr(service, 'port') ?? '3478');
  const transport = attr(service, 'transport') ?? 'udp';
  if ((type !== 'stun' && type !== 'turn' && type !== 'turns') || !host || !/^[\w.:[\]-]{1,255}$/.test(host))
    return undefined;
  if (!Number.isInteger(port) || port < 1 || port > 65535 || (transport !== 'udp' && transport !== 'tcp'))
    return undefined;
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  if (type === 'stun') return { urls: `stun:${name}:${port}` };
  const username = attr(service, 'username');
  const credential = attr(service, 'password');
  if (!username || !credential) return undefined;
  return { urls: `${type}:${name}:${port}?transport=${transport}`, username, credential };
}

/** The servers our own server names; none when it names none or does not answer in time. */
export async function fetchIceServers(xmpp: Connection, timeoutMs = 5000): Promise<CallIceServer[]> {
  const domain = xmpp.bareJid?.split('@')[1];
  if (!domain) return [];
  try {
    const answer = await xmpp.iq('get', domain, el('services', NS_EXTDISCO), timeoutMs);
    const services = answer.getChild('services', NS_EXTDISCO)?.getChildren('service') ?? [];
    return services.slice(0, MAX_SERVICES).flatMap((s) => iceServer(s) ?? []);
  } catch {
    return [];
  }
}
