// The service browser (XEP-0030), as Gajim's: start at our server or any address, items as a tree with
// their identities and features, and per item what it supports (join, commands, add, browse).
import { type FormEvent, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { DiscoInfo, DiscoItem } from '../../shared/model/disco.ts';
import { gatewayNetwork } from '../../shared/model/gateway.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { type DiscoAction, discoActions } from './discoActions.ts';

const close = (): void => openDialog(undefined);

/** The actions an entity supports; without onBrowse (the entity shown at the top) there is no "browse from here". */
function Actions({ account, info, onBrowse }: { account: AccountId; info: DiscoInfo; onBrowse?: () => void }) {
  const t = useT();
  const run: Record<DiscoAction, () => void> = {
    join: () => openDialog({ kind: 'joinRoom', room: info.jid }),
    commands: () => openDialog({ kind: 'adhoc', account, jid: info.jid }),
    addContact: () => openDialog({ kind: 'addContact', account, jid: info.jid }),
    register: () => {
      const gateway = info.identities.find((i) => i.category === 'gateway');
      openDialog({ kind: 'gateway', account, jid: info.jid as BareJid, ...(gateway ? { type: gateway.type } : {}) });
    },
    browse: onBrowse ?? (() => undefined),
  };
  const label: Record<DiscoAction, string> = {
    join: t('services.join'),
    commands: t('services.commands'),
    addContact: t('services.addContact'),
    register: t('services.register'),
    browse: t('services.browseHere'),
  };
  return (
    <span className="disco-actions">
      {discoActions(info)
        .filter((action) => action !== 'browse' || onBrowse)
        .map((action) => (
          <button key={action} type="button" className="link-button" onClick={run[action]}>
            {label[action]}
          </button>
        ))}
    </span>
  );
}

function Node({
  account,
  item,
  onBrowse,
}: {
  account: AccountId;
  item: DiscoItem;
  onBrowse: (jid: string, node?: string) => void;
}) {
  const t = useT();
  const [info, setInfo] = useState<DiscoInfo>();
  const [children, setChildren] = useState<DiscoItem[]>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    call('disco.info', { account, jid: item.jid, ...(item.node ? { node: item.node } : {}) }).then(setInfo, () =>
      setInfo(undefined),
    );
  }, [account, item.jid, item.node]);
  const name = item.name || info?.identities[0]?.name || item.node || item.jid;
  const toggle = (): void => {
    setOpen(!open);
    if (!children)
      call('disco.items', { account, jid: item.jid, ...(item.node ? { node: item.node } : {}) }).then(
        setChildren,
        (e: unknown) => setError(e),
      );
  };
  return (
    <li className="disco-node">
      <div className="disco-row">
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          aria-label={t(open ? 'services.collapse' : 'services.expand', { name })}
          onClick={toggle}
        >
          {open ? '▾' : '▸'}
        </button>
        <span className="disco-name">{name}</span>
        {name !== item.jid || item.node ? (
          <span className="muted disco-jid">
            {item.jid}
            {item.node ? ` · ${item.node}` : ''}
          </span>
        ) : null}
        {info ? (
          <span className="muted disco-identity">
            {info.identities
              .map((i) =>
                i.category === 'gateway'
                  ? t('services.gateway', { network: gatewayNetwork(i.type) })
                  : `${i.category}/${i.type}`,
              )
              .join(', ')}
          </span>
        ) : null}
        {info ? <Actions account={account} info={info} onBrowse={() => onBrowse(item.jid, item.node)} /> : null}
      </div>
      {open ? (
        <>
          <ErrorText message={error} />
          {children && children.length === 0 ? <p className="muted">{t('services.noItems')}</p> : null}
          <ul className="disco-tree">
            {(children ?? []).map((child) => (
              <Node key={`${child.jid} ${child.node ?? ''}`} account={account} item={child} onBrowse={onBrowse} />
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

export function ServiceBrowserDialog({
  account: asked,
  jid,
}: {
  account?: AccountId | undefined;
  jid?: string | undefined;
}) {
  const t = useT();
  const accounts = useAppStore((s) => s.accounts);
  const account = asked ?? accounts.find((a) => a.state.status === 'online')?.id ?? accounts[0]?.id;
  const domain = account?.split('@')[1] ?? '';
  const [address, setAddress] = useState(jid ?? domain);
  const [node, setNode] = useState('');
  const [root, setRoot] = useState<{ info: DiscoInfo; items: DiscoItem[] }>();
  const [error, setError] = useState<unknown>();
  const browse = async (target: string, at?: string): Promise<void> => {
    if (!account) return;
    setError(undefined);
    setAddress(target);
    setNode(at ?? '');
    try {
      const where = { account, jid: target, ...(at ? { node: at } : {}) };
      const [info, items] = await Promise.all([
        call('disco.info', where),
        call('disco.items', where).catch(() => [] as DiscoItem[]),
      ]);
      setRoot({ info, items });
    } catch (failure) {
      setRoot(undefined);
      setError(failure);
    }
  };
  useEffect(() => {
    if (account && (jid ?? domain)) void browse(jid ?? domain);
    // Only the first address is browsed by itself; later ones when the user asks.
  }, [account]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void browse(address.trim(), node.trim() || undefined);
  };
  return (
    <Dialog title={t('services.title', { jid: account ?? '' })} onClose={close} wide>
      <form className="dialog-form disco-address" onSubmit={submit}>
        <label className="field">
          <span>{t('services.address')}</span>
          <input value={address} onChange={(e) => setAddress(e.target.value)} required />
        </label>
        <label className="field">
          <span>{t('services.node')}</span>
          <input value={node} onChange={(e) => setNode(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!account}>
            {t('services.browse')}
          </button>
        </div>
      </form>
      <ErrorText message={error} />
      {root && account ? (
        <section className="disco-root" aria-label={root.info.jid}>
          <h3>
            {root.info.identities[0]?.name || root.info.jid} <Actions account={account} info={root.info} />
          </h3>
          <p className="muted">
            {t('services.identities')}:{' '}
            {root.info.identities.map((i) => `${i.category}/${i.type}${i.name ? ` (${i.name})` : ''}`).join(', ')}
          </p>
          <details>
            <summary>{t('services.features', { count: root.info.features.length })}</summary>
            <ul className="disco-features">
              {root.info.features.map((f) => (
                <li key={f}>
                  <code>{f}</code>
                </li>
              ))}
            </ul>
          </details>
          <h4>{t('services.items')}</h4>
          {root.items.length === 0 ? <p className="muted">{t('services.noItems')}</p> : null}
          <ul className="disco-tree" aria-label={t('services.items')}>
            {root.items.map((item) => (
              <Node
                key={`${item.jid} ${item.node ?? ''}`}
                account={account}
                item={item}
                onBrowse={(j, n) => void browse(j, n)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
