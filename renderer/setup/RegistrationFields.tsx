// The fields of a server's or gateway's registration form (XEP-0077): text to read, a CAPTCHA's image
// (XEP-0158, only bytes that came in the stanza), and the inputs; hidden fields are kept, not shown.
import type { RegistrationField } from '../../shared/model/account.ts';
import { useT } from '../i18n/useT.ts';

export function RegistrationFields({
  fields,
  values,
  onChange,
  ownLabels = false,
}: {
  fields: RegistrationField[];
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  /** A gateway's fields keep its labels ("Telegram password"); a server's login fields are worded by the app. */
  ownLabels?: boolean;
}) {
  const t = useT();
  return (
    <>
      {fields.map((f) => {
        if (f.type === 'hidden') return null;
        if (f.type === 'fixed')
          return f.value ? (
            <p className="muted" key={f.name}>
              {f.value}
            </p>
          ) : null;
        const label =
          ownLabels && f.label
            ? f.label
            : f.name === 'username'
              ? t('setup.username')
              : f.name === 'password'
                ? t('setup.password')
                : f.label || f.name;
        return (
          <label className="field" key={f.name}>
            {f.media ? (
              <img
                className="form-media"
                src={`data:${f.media.type};base64,${f.media.base64}`}
                alt={t('form.image', { field: label })}
              />
            ) : null}
            <span>{label}</span>
            <input
              type={f.type === 'password' ? 'password' : 'text'}
              required={f.required}
              value={values[f.name] ?? ''}
              autoComplete={f.type === 'password' ? 'new-password' : 'off'}
              onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
            />
          </label>
        );
      })}
    </>
  );
}
