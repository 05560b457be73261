// An error under a form: a plain string as it is, anything thrown worded by its code with the
// engine's own text folded away under "Details".
import { describeError } from '../errors/describeError.ts';
import { useT } from '../i18n/useT.ts';

export function ErrorText({ message }: { message: unknown }) {
  const t = useT();
  if (message === undefined || message === null || message === '') return null;
  const { text, details } = describeError(message, t);
  return (
    <div className="error" role="alert">
      <p>{text}</p>
      {details ? (
        <details className="error-details">
          <summary>{t('error.details')}</summary>
          <code>{details}</code>
        </details>
      ) : null}
    </div>
  );
}
