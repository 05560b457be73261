// What a test needs of a private XMPP server, whichever one runs (Prosody or ejabberd).
export interface XmppTestServer {
  kind: 'prosody' | 'ejabberd';
  domain: 'localhost';
  host: '127.0.0.1';
  ports: { c2s: number; directTls: number };
  /** SHA-256 fingerprint of the server's self-signed certificate, as Node prints it. */
  fingerprint: string;
  certPath: string;
  /** The server's private directory (config, data, logs). */
  base: string;
  stop(): Promise<void>;
}

/** The group chat service of every test server. */
export const MUC_DOMAIN = 'conference.localhost';
