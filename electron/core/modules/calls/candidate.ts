// ICE candidates between their SDP line (`candidate:…`, as RTCIceCandidate gives it) and XEP-0176.
import { randomBytes } from 'node:crypto';
import type { Candidate } from './jingle.types.ts';

const TYPES = new Set(['host', 'prflx', 'srflx', 'relay']);
/** An IPv4 or IPv6 literal's characters (no host names: ICE-UDP candidates carry addresses). */
export const isIp = (value: string): boolean => /^[0-9a-fA-F.:]{2,45}$/.test(value);
const isPort = (value: number): boolean => Number.isInteger(value) && value > 0 && value < 65536;

/** An NCName (XML ids may not start with a digit). */
export const candidateId = (): string => `c${randomBytes(6).toString('hex')}`;

/**
 * Parses `candidate:F C udp P IP PORT typ T [raddr R rport P] [generation G] …`. Anything that is not a UDP
 * candidate with an address and port gives undefined: ICE-UDP has no place for TCP, mDNS names or garbage.
 */
export function parseCandidateLine(line: string): Candidate | undefined {
  const text = line.trim().replace(/^a=/, '');
  if (!text.startsWith('candidate:')) return undefined;
  const parts = text.slice('candidate:'.length).split(/\s+/);
  const [foundation, component, protocol, priority, ip, port, typ, type] = parts;
  if (!foundation || protocol?.toLowerCase() !== 'udp' || typ !== 'typ' || !type || !TYPES.has(type)) return undefined;
  if (!ip || !isIp(ip) || !/^[!-~]{1,32}$/.test(foundation)) return undefined;
  const candidate: Candidate = {
    component: Number(component),
    foundation,
    generation: 0,
    id: candidateId(),
    ip,
    port: Number(port),
    priority: Number(priority),
    protocol: 'udp',
    type: type as Candidate['type'],
  };
  if (!Number.isInteger(candidate.component) || candidate.component < 1 || candidate.component > 256) return undefined;
  if (!isPort(candidate.port) || !Number.isInteger(candidate.priority) || candidate.priority < 0) return undefined;
  for (let i = 8; i + 1 < parts.length; i += 2) {
    const [key, value] = [parts[i], parts[i + 1] ?? ''];
    if (key === 'raddr' && isIp(value)) candidate.relAddr = value;
    else if (key === 'rport' && /^\d{1,5}$/.test(value) && Number(value) < 65536) candidate.relPort = Number(value);
    else if (key === 'generation' && /^\d{1,5}$/.test(value)) candidate.generation = Number(value);
    else if (key === 'network-id' && /^\d{1,5}$/.test(value)) candidate.network = Number(value);
  }
  if (candidate.relAddr === undefined || candidate.relPort === undefined) {
    delete candidate.relAddr;
    delete candidate.relPort;
  }
  return candidate;
}

/** The SDP line for a candidate (without `a=`), with the transport's ufrag so stale generations can be told apart. */
export function candidateLine(candidate: Candidate, ufrag?: string): string {
  const parts = [
    `candidate:${candidate.foundation}`,
    candidate.component,
    candidate.protocol,
    candidate.priority,
    candidate.ip,
    candidate.port,
    'typ',
    candidate.type,
  ];
  if (candidate.relAddr !== undefined && candidate.relPort !== undefined)
    parts.push('raddr', candidate.relAddr, 'rport', candidate.relPort);
  parts.push('generation', candidate.generation);
  if (ufrag) parts.push('ufrag', ufrag);
  if (candidate.network !== undefined) parts.push('network-id', candidate.network);
  return parts.join(' ');
}
