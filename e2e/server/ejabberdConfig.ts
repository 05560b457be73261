// The private ejabberd configuration used by tests: loopback only, every module a test touches.
import { ADMIN_USERNAME } from './config.ts';
export interface EjabberdPorts {
  c2s: number;
  directTls: number;
  /** HTTPS: file upload and the CAPTCHA images. */
  https: number;
}

export interface EjabberdOptions {
  /** In-band registration asks for a CAPTCHA (XEP-0158), drawn by e2e/server/captchaImage.ts. */
  captcha?: boolean;
}

/** `captchaCommand`: the executable that draws a CAPTCHA, when options.captcha asks for one. */
export function ejabberdConfig(base: string, ports: EjabberdPorts, captchaCommand?: string): string {
  const captcha = captchaCommand
    ? `captcha_cmd: "${captchaCommand}"\ncaptcha_url: "https://localhost:${ports.https}/captcha"\ncaptcha_limit: infinity`
    : '';
  return `
loglevel: warning
hosts: [localhost]
certfiles: ["${base}/certs/localhost.pem"]
registration_timeout: infinity
auth_password_format: scram
auth_scram_hash: sha512
${captcha}
listen:
  - {port: ${ports.c2s}, ip: "127.0.0.1", module: ejabberd_c2s, starttls_required: true, max_stanza_size: 4194304, backlog: 1024}
  - {port: ${ports.directTls}, ip: "127.0.0.1", module: ejabberd_c2s, tls: true, max_stanza_size: 4194304, backlog: 1024}
  - port: ${ports.https}
    ip: "127.0.0.1"
    module: ejabberd_http
    tls: true
    request_handlers: {/upload: mod_http_upload, /captcha: ejabberd_captcha}
acl:
  local: {user_regexp: ""}
  admin: {user: ["${ADMIN_USERNAME}"]}
access_rules:
  local: {allow: local}
  c2s: {allow: all}
  register: {allow: all}
  announce: {allow: admin}
  configure: {allow: admin}
shaper_rules:
  max_user_sessions: 100
  max_user_offline_messages: 10000
modules:
  mod_adhoc: {}
  mod_admin_extra: {}
  mod_announce: {access: announce}
  mod_blocking: {}
  mod_caps: {}
  mod_carboncopy: {}
  mod_client_state: {}
  mod_configure: {}
  mod_disco: {}
  mod_last: {}
  mod_mam: {default: always}
  mod_muc:
    host: "conference.localhost"
    access_mam: [allow]
    max_users: 10000
    default_room_options: {mam: true, public: true}
  mod_muc_admin: {}
  mod_offline: {access_max_user_messages: max_user_offline_messages}
  mod_ping: {}
  mod_privacy: {}
  mod_private: {}
  mod_pubsub: {plugins: [flat, pep]}
  mod_register: {ip_access: all, access: register${captchaCommand ? ', captcha_protected: true' : ''}}
  mod_roster: {versioning: true}
  mod_stream_mgmt: {}
  mod_time: {}
  mod_vcard: {search: false}
  mod_vcard_xupdate: {}
  mod_avatar: {}
  mod_version: {}
  mod_http_upload:
    host: "upload.localhost"
    put_url: "https://localhost:${ports.https}/upload"
    docroot: "${base}/upload"
    max_size: ${10 * 1024 * 1024}
`;
}
