// XEP-0092 software version and XEP-0202 entity time: answered as the privacy settings allow (what is
// switched off is neither answered nor advertised, XEP-0012 included), and asked of contacts' resources.
import { release, type } from 'node:os';
import type { EntityTime, PrivacySettings, SoftwareVersion } from '../../../../shared/model/entity.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { el, xml } from '../../xmpp/stanza.ts';
import { CLIENT_NAME, CLIENT_VERSION } from '../disco/disco.ts';
import { NS_LAST } from '../lastActivity/lastActivity.ts';
import type { PresenceApi } from '../presence/presence.ts';
import { readPrivacy } from './privacy.ts';

export const NS_VERSION = 'jabber:iq:version';
export const NS_TIME = 'urn:xmpp:time';
const MAX_TEXT = 200;
const clip = (text: string | null | undefined): string =>
  (text ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, MAX_TEXT);

/** The offset of this machine's clock as XEP-0082 writes it (+01:00, Z). */
export function timezoneOffset(date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export interface EntityInfoApi {
  version(jid: string): Promise<SoftwareVersion>;
  time(jid: string): Promise<EntityTime>;
  /** The privacy settings changed: advertise what is answered now, and tell contacts (a new caps hash). */
  refresh(): Promise<void>;
}

export function setupEntityInfo(
  ctx: ModuleContext,
  deps: { presence: PresenceApi },
): EntityInfoApi & { dispose(): void } {
  const { xmpp, store, disco } = ctx;
  const privacy = (): PrivacySettings => readPrivacy(store.meta);
  const advertise = (): void => {
    const now = privacy();
    for (const [feature, on] of [
      [NS_VERSION, now.version],
      [NS_TIME, now.time],
      [NS_LAST, now.lastActivity],
    ] as const)
      if (on) disco.addFeature(feature);
      else disco.removeFeature(feature);
  };
  advertise();
  const refuse = (): never => {
    throw new StanzaError('service-unavailable', 'cancel', '');
  };
  const offVersion = xmpp.onIq('get', NS_VERSION, 'query', () => {
    const now = privacy();
    if (!now.version) refuse();
    return el(
      'query',
      NS_VERSION,
      {},
      xml('name', {}, CLIENT_NAME),
      xml('version', {}, CLIENT_VERSION),
      now.os ? xml('os', {}, `${type()} ${release()}`) : undefined,
    );
  });
  const offTime = xmpp.onIq('get', NS_TIME, 'time', () => {
    if (!privacy().time) refuse();
    const now = new Date();
    return el(
      'time',
      NS_TIME,
      {},
      xml('tzo', {}, timezoneOffset(now)),
      xml('utc', {}, `${now.toISOString().slice(0, 19)}Z`),
    );
  });

  return {
    version: async (jid) => {
      const query = (await xmpp.iq('get', jid, el('query', NS_VERSION))).getChild('query', NS_VERSION);
      const os = clip(query?.getChildText('os'));
      return {
        name: clip(query?.getChildText('name')),
        version: clip(query?.getChildText('version')),
        ...(os ? { os } : {}),
      };
    },
    time: async (jid) => {
      const time = (await xmpp.iq('get', jid, el('time', NS_TIME))).getChild('time', NS_TIME);
      const tzo = clip(time?.getChildText('tzo'));
      const utc = clip(time?.getChildText('utc'));
      if (!/^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/u.test(tzo) || Number.isNaN(Date.parse(utc)))
        throw new StanzaError('bad-request', 'modify', 'The answer carried no time');
      return { tzo, utc: new Date(utc).toISOString() };
    },
    refresh: async () => {
      advertise();
      await deps.presence.announce();
    },
    dispose: () => {
      offVersion();
      offTime();
      for (const feature of [NS_VERSION, NS_TIME]) disco.removeFeature(feature);
    },
  };
}
