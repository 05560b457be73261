// Runtime checks of the call commands' arguments.
import { CALL_CONNECTION_STATES, CALL_INFOS, MAX_SDP_CHARS } from '../model/call.ts';
import type { CallCommands } from './callContract.ts';
import { bareJid, boolean, type Guard, nonEmpty, object, oneOf } from './guards.ts';

const account = bareJid;
const sid: Guard = (v, p) =>
  typeof v === 'string' && /^[A-Za-z0-9._:-]{1,128}$/u.test(v) ? undefined : `${p} must be a call id`;
const oneLine =
  (max: number): Guard =>
  (v, p) =>
    typeof v === 'string' && v.length > 0 && v.length <= max && !/[\r\n]/u.test(v)
      ? undefined
      : `${p} must be one line`;

export const callSchemas: { [K in keyof CallCommands]: Guard } = {
  'call.capabilities': object({ account, peer: bareJid }),
  'call.start': object({ account, peer: bareJid, video: boolean }),
  'call.accept': object({ account, sid }),
  'call.reject': object({ account, sid }),
  'call.hangup': object({ account, sid }),
  'call.description': object({ account, sid, type: oneOf('offer', 'answer'), sdp: nonEmpty(MAX_SDP_CHARS) }),
  'call.candidate': object({ account, sid, candidate: oneLine(1024), sdpMid: oneLine(64) }),
  'call.connection': object({ account, sid, state: oneOf(...CALL_CONNECTION_STATES) }),
  'call.info': object({ account, sid, info: oneOf(...CALL_INFOS) }),
  'call.list': object({}),
};
