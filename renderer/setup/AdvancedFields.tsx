// Resource, priority, host/port override and direct TLS: the fields most people never touch.
import type { Translate } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';

export interface Advanced {
  resource: string;
  priority: string;
  host: string;
  port: string;
  directTls: boolean;
}

export const NO_ADVANCED: Advanced = { resource: '', priority: '0', host: '', port: '', directTls: false };

export interface ParsedAdvanced {
  resource?: string;
  priority: number;
  host?: string;
  port?: number;
  tls: 'starttls' | 'direct';
}

/** Checks the advanced fields; returns the values, or the message to show. */
export function parseAdvanced(values: Advanced, t: Translate): ParsedAdvanced | string {
  const priority = Number(values.priority.trim() || '0');
  if (!Number.isInteger(priority) || priority < -128 || priority > 127) return t('setup.invalidPriority');
  const port = values.port.trim() ? Number(values.port) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) return t('setup.invalidPort');
  return {
    priority,
    tls: values.directTls ? 'direct' : 'starttls',
    ...(values.resource.trim() ? { resource: values.resource.trim() } : {}),
    ...(values.host.trim() ? { host: values.host.trim() } : {}),
    ...(port ? { port } : {}),
  };
}

export function AdvancedFields({
  values,
  onChange,
  withAccountFields,
}: {
  values: Advanced;
  onChange: (values: Advanced) => void;
  withAccountFields: boolean;
}) {
  const t = useT();
  const field = (key: 'resource' | 'priority' | 'host' | 'port', label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={values[key]} onChange={(e) => onChange({ ...values, [key]: e.target.value })} />
    </label>
  );
  return (
    <details className="advanced">
      <summary>{t('setup.advanced')}</summary>
      <div className="advanced-grid">
        {withAccountFields ? field('resource', t('setup.resource')) : null}
        {withAccountFields ? field('priority', t('setup.priority'), 'number') : null}
        {field('host', t('setup.host'))}
        {field('port', t('setup.port'), 'number')}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.directTls}
            onChange={(e) => onChange({ ...values, directTls: e.target.checked })}
          />
          <span>{t('setup.directTls')}</span>
        </label>
      </div>
    </details>
  );
}
