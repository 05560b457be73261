// Creating a room from a preset, as Conversations and Dino offer: a "private group" (members only, real
// addresses visible to members, kept: what OMEMO in a room needs) or a "public channel" (listed, open,
// addresses for moderators). Only fields the room's form has are set; the rest keep the server's defaults.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Room, RoomPreset } from '../../../../shared/model/muc.ts';
import type { DataFormValues } from '../../../../shared/model/dataForm.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import { roomInfo } from './mucSend.ts';
import { MucError } from './mucErrors.ts';

export function presetValues(preset: RoomPreset, name: string): DataFormValues {
  const shared: DataFormValues = {
    'muc#roomconfig_roomname': [name],
    'muc#roomconfig_persistentroom': ['1'],
    'muc#roomconfig_enablearchiving': ['1'],
  };
  return preset === 'private'
    ? {
        ...shared,
        'muc#roomconfig_membersonly': ['1'],
        'muc#roomconfig_whois': ['anyone'],
        'muc#roomconfig_publicroom': ['0'],
      }
    : {
        ...shared,
        'muc#roomconfig_membersonly': ['0'],
        'muc#roomconfig_whois': ['moderators'],
        'muc#roomconfig_publicroom': ['1'],
      };
}

/** Refuses a room that exists already: joining it would not make us its owner. */
async function assertFree(runtime: AccountRuntime, room: BareJid): Promise<void> {
  try {
    await roomInfo(runtime.connection, room);
  } catch (error) {
    if (error instanceof StanzaError && error.condition === 'item-not-found') return;
    throw error;
  }
  throw new MucError('room-exists', `${room} exists already`);
}

export async function createRoom(
  runtime: AccountRuntime,
  req: { room: BareJid; nick: string; name: string; preset: RoomPreset },
): Promise<Room> {
  await assertFree(runtime, req.room);
  const { muc, mucAdmin } = runtime.modules;
  const joined = await muc.join(req.room, req.nick, undefined, true);
  if (!joined.created) throw new MucError('room-exists', `${req.room} exists already`);
  await mucAdmin.submitConfig(req.room, presetValues(req.preset, req.name.trim()));
  return muc.refreshInfo(req.room);
}
