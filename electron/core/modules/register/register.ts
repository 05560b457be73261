// XEP-0077 In-Band Registration: fetch the server's form and create an account, over a
// TLS-protected, unauthenticated stream.
import type { Client } from '@xmpp/client-core';
import type { RegistrationForm } from '../../../../shared/model/account.ts';
import { type BareJid, toBareJid } from '../../../../shared/model/jid.ts';
import { type Endpoint, createStream, OPEN_TIMEOUT_MS } from '../../net/stream.ts';
import { StanzaError, TimeoutError } from '../../xmpp/errors.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';
import {
  NS_REGISTER,
  type ParsedRegistrationForm,
  parseRegistrationForm,
  registrationQuery,
} from './register.parse.ts';
import { type ErrorReason, stanzaReason } from '../../../../shared/model/errors.ts';

/** What a refusal means for a registration (not the general meaning of the stanza condition). */
const REGISTER_REASONS: Record<string, ErrorReason['code']> = {
  conflict: 'username-taken',
  captcha: 'captcha-failed',
  'not-allowed': 'registration-closed',
  'not-acceptable': 'registration-refused',
};

export class RegistrationError extends Error {
  readonly condition: string;
  readonly reason: ErrorReason;
  constructor(condition: string, message: string) {
    super(message);
    this.name = 'RegistrationError';
    this.condition = condition;
    const code = REGISTER_REASONS[condition];
    this.reason = code ? { code } : stanzaReason(condition);
  }
}

const MESSAGES: Record<string, string> = {
  conflict: 'That username is already taken on this server.',
  'not-allowed': 'This server does not allow creating accounts from a client.',
  'not-acceptable': 'The server did not accept the registration (a weak password or a missing field?).',
  'bad-request': 'The server found the registration form incomplete.',
  'resource-constraint': 'The server is refusing registrations for now; try again later.',
  'service-unavailable': 'This server does not offer account registration.',
};

function toRegistrationError(error: unknown): Error {
  if (!(error instanceof StanzaError)) return error instanceof Error ? error : new Error(String(error));
  const base = MESSAGES[error.condition] ?? `Registration failed (${error.condition}).`;
  return new RegistrationError(error.condition, error.text ? `${base} The server said: ${error.text}` : base);
}

async function iq(entity: Client, type: 'get' | 'set', payload: Element): Promise<Element> {
  const answer = await entity.sendReceive(xml('iq', { type, id: `reg-${Date.now().toString(36)}` }, payload), 20_000);
  if (answer.attrs.type === 'error') throw StanzaError.fromStanza(answer);
  return answer;
}

/** Runs fn on a secure stream before authentication, then closes the stream. */
async function withUnauthenticatedStream<T>(endpoint: Endpoint, fn: (entity: Client) => Promise<T>): Promise<T> {
  let entity: Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      entity = createStream(endpoint, (secure) => {
        fn(secure).then(resolve, reject);
        return Promise.resolve();
      });
      entity.on('error', reject);
      entity.start().catch(reject);
      timer = setTimeout(() => reject(new TimeoutError('Registration', OPEN_TIMEOUT_MS)), OPEN_TIMEOUT_MS);
    });
  } catch (error) {
    throw toRegistrationError(error);
  } finally {
    clearTimeout(timer);
    entity?.removeAllListeners('error');
    entity?.on('error', () => undefined);
    await entity?.disconnect().catch(() => undefined);
    entity?.socket?.destroy?.();
  }
}

/**
 * The form last shown per server, answered as shown: fetching it again would ask for a new CAPTCHA
 * whose answer the user has not seen. Used once, and only while a CAPTCHA would still be valid.
 */
const shownForms = new Map<string, { form: ParsedRegistrationForm; at: number }>();
const SHOWN_FORM_TTL_MS = 5 * 60_000;
const formKey = (endpoint: Endpoint): string => `${endpoint.domain} ${endpoint.host ?? ''} ${endpoint.port ?? ''}`;

function takeShownForm(endpoint: Endpoint): ParsedRegistrationForm | undefined {
  const shown = shownForms.get(formKey(endpoint));
  shownForms.delete(formKey(endpoint));
  return shown && Date.now() - shown.at < SHOWN_FORM_TTL_MS ? shown.form : undefined;
}

async function askForm(entity: Client): Promise<ParsedRegistrationForm> {
  return parseRegistrationForm((await iq(entity, 'get', el('query', NS_REGISTER))).getChild('query', NS_REGISTER));
}

export function fetchRegistrationForm(endpoint: Endpoint): Promise<RegistrationForm> {
  return withUnauthenticatedStream(endpoint, async (entity) => {
    const form = await askForm(entity);
    shownForms.set(formKey(endpoint), { form, at: Date.now() });
    return { instructions: form.instructions, fields: form.fields };
  });
}

export function registerAccount(
  endpoint: Endpoint,
  username: string,
  password: string,
  extra: Record<string, string>,
): Promise<BareJid> {
  const jid = toBareJid(`${username}@${endpoint.domain}`);
  if (!jid || username.includes('@'))
    return Promise.reject(new RegistrationError('bad-request', `"${username}" is not a valid username.`));
  const shown = takeShownForm(endpoint);
  return withUnauthenticatedStream(endpoint, async (entity) => {
    const form = shown ?? (await askForm(entity));
    const values: Record<string, string> = { ...extra, username, password };
    try {
      await iq(entity, 'set', registrationQuery(form, values));
    } catch (error) {
      if (form.captcha && error instanceof StanzaError && error.condition === 'not-allowed')
        throw new RegistrationError('captcha', 'The answer did not match the image, or the image expired.');
      throw error;
    }
    return jid;
  });
}
