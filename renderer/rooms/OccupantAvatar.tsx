import { useMemo } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { Occupant } from '../../shared/model/muc.ts';
import { Avatar } from '../components/Avatar.tsx';
import { useAppStore } from '../store/index.ts';
import { chatKey } from '../store/chats.ts';

/**
 * A room occupant's picture: the contact's own where the room shows the real address, else the picture
 * the occupant announced in the room (fetched when shown), else its letter.
 */
export function OccupantAvatar({
  account,
  room,
  nick,
  occupantId,
  size,
}: {
  account: AccountId;
  room: BareJid;
  nick: string;
  occupantId?: string | undefined;
  size: number;
}) {
  const occupant: Occupant | undefined = useAppStore((s) => s.occupants[chatKey(account, room)]?.[nick]);
  const hash = occupant?.avatar;
  const picture = useMemo(() => (hash ? { account, room, nick, hash } : undefined), [account, room, nick, hash]);
  const key = `${room}/${occupantId ?? occupant?.occupantId ?? nick}`;
  return <Avatar jid={key} name={nick} size={size} pictureOf={occupant?.jid} occupant={picture} />;
}
