// A contact's card: avatar, names, address (copy), subscription, groups, profile, and per resource its
// client (XEP-0092), capabilities (XEP-0115), local time (XEP-0202) and idle time; encryption devices;
// edit, block and remove through the contact's edit dialog.
import { useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { DiscoInfo } from '../../shared/model/disco.ts';
import type { EntityTime, SoftwareVersion } from '../../shared/model/entity.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { type Profile, PROFILE_FIELDS } from '../../shared/model/profile.ts';
import type { ResourcePresence } from '../../shared/model/presence.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { formatFullDate } from '../lib/format.ts';
import { displayName } from '../roster/rosterView.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { contactClock } from './contactClock.ts';

const close = (): void => openDialog(undefined);
/** One empty list: a selector returning a new [] each time would repaint forever. */
const NO_RESOURCES: ResourcePresence[] = [];

function ResourceRow({ account, jid, resource }: { account: AccountId; jid: BareJid; resource: ResourcePresence }) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const full = `${jid}/${resource.resource}`;
  const [version, setVersion] = useState<SoftwareVersion | null>();
  const [time, setTime] = useState<EntityTime | null>();
  const [caps, setCaps] = useState<DiscoInfo | null>();
  useEffect(() => {
    call('entity.version', { account, jid: full }).then(setVersion, () => setVersion(null));
    call('entity.time', { account, jid: full }).then(setTime, () => setTime(null));
    call('entity.caps', { account, jid: full }).then(setCaps, () => setCaps(null));
  }, [account, full]);
  const client = version
    ? [version.name, version.version].filter(Boolean).join(' ') + (version.os ? ` · ${version.os}` : '')
    : caps?.identities.find((i) => i.category === 'client')?.name;
  return (
    <li className="card-resource" aria-label={resource.resource}>
      <strong>{resource.resource}</strong>{' '}
      <span className="muted">
        {t(`show.${resource.show}`)}
        {resource.status ? ` – ${resource.status}` : ''}
      </span>
      <dl className="card-facts">
        <dt>{t('card.client')}</dt>
        <dd>{client ?? (version === undefined ? '…' : t('card.unknown'))}</dd>
        <dt>{t('card.localTime')}</dt>
        <dd>{time ? contactClock(time.tzo, time.utc, language) : time === undefined ? '…' : t('card.unknown')}</dd>
        {resource.idleSince !== undefined ? (
          <>
            <dt>{t('card.idleSince')}</dt>
            <dd>{formatFullDate(resource.idleSince, language)}</dd>
          </>
        ) : null}
        <dt>{t('card.capabilities')}</dt>
        <dd>
          {caps ? (
            <details>
              <summary>{t('card.features', { count: String(caps.features.length) })}</summary>
              <ul className="card-features">
                {caps.features.map((f) => (
                  <li key={f}>
                    <code>{f}</code>
                  </li>
                ))}
              </ul>
            </details>
          ) : caps === undefined ? (
            '…'
          ) : (
            t('card.unknown')
          )}
        </dd>
      </dl>
    </li>
  );
}

export function ContactCard({ account, jid }: { account: AccountId; jid: BareJid }) {
  const t = useT();
  const item = useAppStore((s) => s.roster[account]?.find((i) => i.jid === jid));
  const resources = useAppStore((s) => s.presence[account]?.[jid]?.resources) ?? NO_RESOURCES;
  const [profile, setProfile] = useState<Profile>();
  const [devices, setDevices] = useState<number>();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    call('profile.get', { account, jid }).then(setProfile, () => undefined);
    call('omemo.chatState', { account, peer: jid }).then(
      (state) => setDevices(state.devices.filter((d) => d.jid === jid).length),
      () => undefined,
    );
  }, [account, jid]);
  const name = displayName(item ?? { jid, name: '' });
  const copy = (): void => {
    void navigator.clipboard.writeText(jid).then(
      () => setCopied(true),
      () => undefined,
    );
  };
  return (
    <Dialog title={t('card.title', { name })} onClose={close} wide>
      <div className="contact-card">
        <header className="card-head">
          <Avatar jid={jid} name={name} size={72} />
          <div>
            <h3>{name}</h3>
            {item?.nick && item.nick !== name ? <p className="muted">{t('card.nick', { nick: item.nick })}</p> : null}
            <p>
              <code>{jid}</code>{' '}
              <button type="button" className="link-button" onClick={copy}>
                {copied ? t('card.copied') : t('card.copy')}
              </button>
            </p>
          </div>
        </header>
        <dl className="card-facts">
          <dt>{t('card.subscription')}</dt>
          <dd>{t(`card.subscription.${item?.subscription ?? 'none'}`)}</dd>
          <dt>{t('card.groups')}</dt>
          <dd>{item?.groups.length ? item.groups.join(', ') : t('card.noGroups')}</dd>
          <dt>{t('card.encryption')}</dt>
          <dd>
            {devices === undefined ? '…' : t('card.devices', { count: String(devices) })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => openDialog({ kind: 'omemoDevices', peer: jid })}
            >
              {t('card.showDevices')}
            </button>
          </dd>
        </dl>
        {profile && PROFILE_FIELDS.some((f) => profile[f]) ? (
          <section aria-label={t('profile.title')}>
            <h4>{t('profile.title')}</h4>
            <dl className="card-facts">
              {PROFILE_FIELDS.filter((f) => profile[f]).map((f) => (
                <div key={f} className="card-fact">
                  <dt>{t(`profile.${f}`)}</dt>
                  <dd>{profile[f]}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        <section aria-label={t('card.resources')}>
          <h4>{t('card.resources')}</h4>
          {resources.length === 0 ? <p className="muted">{t('card.offline')}</p> : null}
          <ul className="card-resources">
            {resources.map((r) => (
              <ResourceRow key={r.resource} account={account} jid={jid} resource={r} />
            ))}
          </ul>
        </section>
        <div className="actions">
          <button type="button" onClick={() => openDialog({ kind: 'editContact', jid })}>
            {t('card.edit')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
