// Any XEP-0004 form, field by field: what the server asks for is what the user sees.
import type { DataField, DataForm, DataFormValues } from '../../shared/model/dataForm.ts';
import { useT } from '../i18n/useT.ts';

function Field({ field, value, onChange }: { field: DataField; value: string[]; onChange: (value: string[]) => void }) {
  const label = field.label || field.var;
  const single = value[0] ?? '';
  switch (field.type) {
    case 'hidden':
      return null;
    case 'fixed':
      return <p className="muted form-fixed">{field.values.join('\n')}</p>;
    case 'boolean':
      return (
        <label className="checkbox" title={field.description}>
          <input
            type="checkbox"
            checked={single === '1' || single === 'true'}
            onChange={(e) => onChange([e.target.checked ? '1' : '0'])}
          />
          <span>{label}</span>
        </label>
      );
    case 'list-single':
      return (
        <label className="field" title={field.description}>
          <span>{label}</span>
          <select value={single} onChange={(e) => onChange([e.target.value])} required={field.required}>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      );
    case 'list-multi':
      return (
        <fieldset className="field" title={field.description}>
          <legend>{label}</legend>
          {field.options.map((o) => (
            <label key={o.value} className="checkbox">
              <input
                type="checkbox"
                checked={value.includes(o.value)}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </fieldset>
      );
    case 'text-multi':
    case 'jid-multi':
      return (
        <label className="field" title={field.description}>
          <span>{label}</span>
          <textarea
            rows={3}
            value={value.join('\n')}
            onChange={(e) => onChange(e.target.value.split('\n'))}
            required={field.required}
          />
        </label>
      );
    default:
      return (
        <label className="field" title={field.description}>
          <span>{label}</span>
          <input
            type={field.type === 'text-private' ? 'password' : 'text'}
            value={single}
            onChange={(e) => onChange([e.target.value])}
            required={field.required}
          />
        </label>
      );
  }
}

/** A field's image (a CAPTCHA): only bytes that came in the stanza, shown as a data: URL. */
function FieldMedia({ field }: { field: DataField }) {
  const t = useT();
  if (!field.media) return null;
  return (
    <img
      className="form-media"
      src={`data:${field.media.type};base64,${field.media.base64}`}
      alt={t('form.image', { field: field.label || field.var })}
    />
  );
}

export function DataFormView({
  form,
  values,
  onChange,
}: {
  form: DataForm;
  values: DataFormValues;
  onChange: (values: DataFormValues) => void;
}) {
  return (
    <div className="data-form">
      {form.instructions ? <p className="instructions">{form.instructions}</p> : null}
      {form.fields.map((field, i) => (
        <div key={field.var || `fixed-${i}`} className="form-field">
          <FieldMedia field={field} />
          <Field
            field={field}
            value={values[field.var] ?? field.values}
            onChange={(value) => onChange({ ...values, [field.var]: value })}
          />
        </div>
      ))}
    </div>
  );
}
