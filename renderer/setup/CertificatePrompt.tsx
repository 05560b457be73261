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
  return (
    <section className="certificate" role="alertdialog" aria-label={t('cert.title')}>
      <h3>{t('cert.title')}</h3>
      <p>{t('cert.explain', { server, reason: certificate.reason })}</p>
      <dl>
        <dt>{t('cert.subject')}</dt>
        <dd>{certificate.subject}</dd>
        <dt>{t('cert.fingerprint')}</dt>
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
