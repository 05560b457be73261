// The private Prosody configuration used by tests, the demo and the benchmarks: loopback only.
import { fileURLToPath } from 'node:url';

/** The account every test server makes its admin (XEP-0133 commands, announcements). */
export const ADMIN_USERNAME = 'admin';

/** Test-only Prosody modules (full-text archive search). */
const MODULES_DIR = fileURLToPath(new URL('./modules', import.meta.url));
export interface ProsodyPorts {
  c2s: number;
  directTls: number;
  http: number;
  https: number;
  /** XEP-0114 external components, when one is configured. */
  component?: number;
}

export interface ProsodyOptions {
  /** 'memory' keeps archives in RAM: Prosody's file store slows to a crawl near 10,000 items per user. */
  archiveStorage?: 'internal' | 'memory';
  /** A server without PEP (for the XEP-0048 private-storage fallback). */
  withoutPep?: boolean;
  /** Outgoing server-to-server links (no listener): a stanza to another domain is really attempted. */
  withS2s?: boolean;
  /** XEP-0431 full-text search in the user archive (a test-only module, e2e/server/modules). */
  withMamFulltext?: boolean;
  /** How long Prosody keeps a dropped stream-managed session for resumption (default 60 s). */
  smacksHibernationSeconds?: number;
  /** An XEP-0114 component (e.g. one that plays thousands of contacts in a benchmark). */
  externalComponents?: { domain: string; secret: string }[];
  /** The upload service's size limit in bytes (default 10 MiB). */
  uploadSizeLimit?: number;
  /** MIME types the upload service accepts (default: all). */
  uploadFileTypes?: string[];
  /** A TURN server whose credentials the server hands out (XEP-0215, TURN REST shared secret). */
  turn?: { host: string; port: number; secret: string };
}

export function prosodyConfig(
  base: string,
  ports: ProsodyPorts,
  asRoot: boolean,
  options: ProsodyOptions = {},
): string {
  const cert = `${base}/certs/localhost.crt`;
  const key = `${base}/certs/localhost.key`;
  return `
${asRoot ? 'run_as_root = true' : ''}
pidfile = "${base}/prosody.pid"
data_path = "${base}/data"
plugin_paths = { "${MODULES_DIR}" }
log = { { levels = { min = "warn" }, to = "file", filename = "${base}/prosody.log" } }
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { ${ports.c2s} }
c2s_direct_tls_ports = { ${ports.directTls} }
s2s_ports = {}
http_ports = { ${ports.http} }; http_interfaces = { "127.0.0.1" }
https_ports = { ${ports.https} }; https_interfaces = { "127.0.0.1" }
admin_socket = "${base}/data/prosody.sock"
admins = { "${ADMIN_USERNAME}@localhost" }
ssl = { certificate = "${cert}", key = "${key}" }
https_ssl = { certificate = "${cert}", key = "${key}" }
c2s_require_encryption = true
authentication = "internal_hashed"
${options.archiveStorage === 'memory' ? 'storage = { archive = "memory"; muc_log = "memory" }' : ''}
network_settings = { nagle = false }
c2s_stanza_size_limit = 4 * 1024 * 1024
allow_registration = true
min_seconds_between_registrations = 0
registration_throttle_max = 100000
modules_enabled = {
  "roster"; "saslauth"; "tls"; "disco"; "carbons"; "mam"; "smacks"; "csi_simple";
  "blocklist"; "pep"; "private"; "vcard4"; "vcard_legacy"; "bookmarks";
  "register"; "ping"; "time"; "version"; "uptime"; "admin_shell"; "http"; "offline"; "lastactivity";
  "adhoc"; "admin_adhoc"; "announce";
  ${options.withMamFulltext ? '"test_mam_fulltext";' : ''}
  ${options.turn ? '"turn_external";' : ''}
}
${options.turn ? `turn_external_secret = "${options.turn.secret}"\nturn_external_host = "${options.turn.host}"\nturn_external_port = ${options.turn.port}` : ''}
modules_disabled = { ${[...(options.withS2s ? [] : ['"s2s"']), ...(options.withoutPep ? ['"pep"', '"bookmarks"'] : [])].join('; ')} }
limits = { c2s = { rate = "100mb/s" } }
archive_expires_after = "1w"
default_archive_policy = true
max_archive_query_results = 250
smacks_hibernation_time = ${options.smacksHibernationSeconds ?? 60}
max_roster_items = 5000
storage_archive_item_limit = 100000
${ports.component ? `component_ports = { ${ports.component} }; component_interfaces = { "127.0.0.1" }` : ''}
VirtualHost "localhost"
Component "conference.localhost" "muc"
  modules_enabled = { "muc_mam"; "muc_moderation"; "test_muc_reaction_rules"; "vcard_muc" }
  muc_log_by_default = true
  muc_log_all_rooms = true
  muc_room_default_public = true
Component "upload.localhost" "http_file_share"
  http_host = "localhost"
  http_file_share_size_limit = ${options.uploadSizeLimit ?? 10 * 1024 * 1024}
  http_file_share_daily_quota = ${Math.max(options.uploadSizeLimit ?? 0, 10 * 1024 * 1024) * 20}
  http_file_share_expires_after = 60 * 60 * 24
${options.uploadFileTypes ? `  http_file_share_allowed_file_types = { ${options.uploadFileTypes.map((t) => `"${t}"`).join('; ')} }` : ''}
${(ports.component ? (options.externalComponents ?? []) : [])
  .map((c) => `Component "${c.domain}"\n  component_secret = "${c.secret}"`)
  .join('\n')}
`;
}
