// Shows an untrusted certificate's fingerprint and lets the user trust it for this account.
import type { CertificateDetails } from '../../shared/ipc/result.ts';
import { useT } from '../i18n/useT.ts';

export function CertificatePrompt({
  server,
  certificate,
  onTrust,
  onReject,
}: {
  server: string;
  certificate: CertificateDetails;
  onTrust: () => void;
  onReject: () => void;
}) {
  const t = useT();
  const changed = certificate.previousFingerprint;
  const title = changed ? t('cert.changedTitle') : t('cert.title');
  return (
    <section className={`certificate${changed ? ' changed' : ''}`} role="alertdialog" aria-label={title}>
      <h3>{title}</h3>
      <p>
        {changed
          ? t('cert.changedExplain', { server, reason: certificate.reason })
          : t('cert.explain', { server, reason: certificate.reason })}
      </p>
      <dl>
        {changed ? (
          <>
            <dt>{t('cert.previousFingerprint')}</dt>
            <dd>
              <code className="fingerprint" aria-label={t('cert.previousFingerprint')}>
                {changed}
              </code>
            </dd>
          </>
        ) : null}
        <dt>{t('cert.subject')}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{changed ? t('cert.newFingerprint') : t('cert.fingerprint')}</dt>
        <dd>
          <code className="fingerprint" aria-label={t('cert.fingerprint')}>
            {certificate.fingerprint}
          </code>
        </dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={onReject}>
          {t('cert.reject')}
        </button>
        <button type="button" className="primary" onClick={onTrust}>
          {t('cert.trust')}
        </button>
      </div>
    </section>
  );
}
