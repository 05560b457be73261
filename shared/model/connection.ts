import type { FullJid } from './jid.ts';

export type TlsMode = 'starttls' | 'direct';

export type ConnectionState =
  | { status: 'offline'; reason?: string }
  | { status: 'connecting' }
  | { status: 'online'; jid: FullJid }
  | { status: 'reconnecting'; attempt: number; at: number; reason: string }
  | { status: 'authFailed'; message: string }
  | { status: 'certificateUntrusted'; fingerprint: string; subject: string; reason: string };

export type ConnectionStatus = ConnectionState['status'];
