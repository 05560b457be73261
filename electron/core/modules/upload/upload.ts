// XEP-0363 HTTP File Upload, the XMPP half: finding the server's upload service and its size limit,
// and asking it for a slot. The HTTP half (streaming the bytes) is in ../../files/uploads.ts.
import { toBareJid } from '../../../../shared/model/jid.ts';
import { formatBytes, type UploadService } from '../../../../shared/model/file.ts';
import type { Connection } from '../../account/connection.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, type Element } from '../../xmpp/stanza.ts';
import { discoInfo, discoItems, extendedField } from '../disco/queries.ts';

export const NS_UPLOAD = 'urn:xmpp:http:upload:0';
/** Only these slot headers may be sent with the PUT (XEP-0363 §5). */
const ALLOWED_HEADERS = ['authorization', 'cookie', 'expires'];

export interface UploadSlot {
  put: string;
  get: string;
  headers: Record<string, string>;
}

export class UploadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

async function discover(xmpp: Connection): Promise<UploadService> {
  const domain = xmpp.bareJid?.split('@')[1];
  if (!domain) return {};
  const items = await discoItems(xmpp, domain);
  const candidates = [
    domain,
    ...items
      .map((i) => toBareJid(i.jid))
      .filter((j): j is NonNullable<typeof j> => j !== undefined && !j.includes('@')),
  ];
  const infos = await Promise.all(
    candidates.map((jid) => discoInfo(xmpp, jid, undefined, 10_000).catch(() => undefined)),
  );
  for (const info of infos) {
    if (!info?.features.includes(NS_UPLOAD)) continue;
    const service = toBareJid(info.jid);
    const max = Number(extendedField(info, NS_UPLOAD, 'max-file-size'));
    return {
      ...(service ? { service } : {}),
      ...(Number.isSafeInteger(max) && max > 0 ? { maxFileSize: max } : {}),
    };
  }
  return {};
}

/** The upload service's refusal, in words a person can act on. */
function explain(error: StanzaError, name: string): UploadError {
  const detail = error.text ? `: ${error.text}` : '';
  switch (error.condition) {
    case 'not-acceptable':
    case 'payload-too-large':
      return new UploadError(`The server will not take "${name}"${detail || ' (too large or not acceptable)'}`);
    case 'resource-constraint':
      return new UploadError(`Your upload quota on the server is used up${detail}`);
    case 'not-allowed':
    case 'forbidden':
      return new UploadError(`Your server does not let you upload files${detail}`);
    default:
      return new UploadError(`The upload service refused "${name}" (${error.condition})${detail}`);
  }
}

function parseSlot(answer: Element): UploadSlot {
  const slot = answer.getChild('slot', NS_UPLOAD);
  const put = slot?.getChild('put')?.attrs.url;
  const get = slot?.getChild('get')?.attrs.url;
  if (!put || !get) throw new UploadError('The upload service answered without a slot');
  const headers: Record<string, string> = {};
  for (const header of slot?.getChild('put')?.getChildren('header') ?? []) {
    const name = (header.attrs.name ?? '').toLowerCase();
    const value = header.text().replace(/[\r\n]/gu, '');
    if (ALLOWED_HEADERS.includes(name)) headers[name] = value;
  }
  return { put, get, headers };
}

export interface UploadApi {
  /** Cached per session. */
  service(): Promise<UploadService>;
  /** Refuses a file over the service's limit before asking for a slot. */
  requestSlot(name: string, size: number, type: string): Promise<UploadSlot>;
  /** Host names of our server's upload service and of the slots it gave us: the account's own hosts. */
  hosts(): ReadonlySet<string>;
}

export const upload: XmppModule<UploadApi> = {
  id: 'xep-0363-upload',
  setup({ xmpp, lifecycle }) {
    let known: Promise<UploadService> | undefined;
    const hosts = new Set<string>();
    const remember = (url: string): void => {
      try {
        hosts.add(new URL(url).hostname.replace(/^\[|\]$/gu, '').toLowerCase());
      } catch {
        // parseSlot accepted it; nothing to remember otherwise
      }
    };
    const offOffline = lifecycle.onOffline(() => {
      known = undefined;
    });
    const service = (): Promise<UploadService> => {
      known ??= discover(xmpp).catch((error: unknown) => {
        known = undefined;
        throw error;
      });
      return known;
    };
    return {
      service,
      hosts: () => hosts,
      requestSlot: async (name, size, type) => {
        const found = await service();
        if (!found.service) throw new UploadError('Your server offers no file upload (XEP-0363)');
        if (found.maxFileSize !== undefined && size > found.maxFileSize) {
          throw new UploadError(
            `"${name}" is ${formatBytes(size)}; your server takes files up to ${formatBytes(found.maxFileSize)}`,
          );
        }
        hosts.add(found.service);
        try {
          const slot = parseSlot(
            await xmpp.iq(
              'get',
              found.service,
              el('request', NS_UPLOAD, { filename: name, size, 'content-type': type }),
            ),
          );
          remember(slot.put);
          remember(slot.get);
          return slot;
        } catch (error) {
          throw error instanceof StanzaError ? explain(error, name) : error;
        }
      },
      dispose: () => {
        offOffline();
      },
    };
  },
};
