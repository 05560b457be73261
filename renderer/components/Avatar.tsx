import { consistentColor } from '../lib/consistentColor.ts';
import { type OccupantPicture, useAvatarUrl } from '../avatars/avatarStore.ts';

/** The address's avatar (XEP-0084 / XEP-0153) when it has one, else the first letter on its XEP-0392 colour. */
export function Avatar({
  jid,
  name,
  size = 36,
  pictureOf,
  occupant,
}: {
  jid: string;
  name: string;
  size?: number;
  /** Whose picture to show when it is not `jid`'s (a room occupant's real address). */
  pictureOf?: string | undefined;
  /** A room occupant's own picture, used when `pictureOf` has none. */
  occupant?: OccupantPicture | undefined;
}) {
  const url = useAvatarUrl(pictureOf ?? jid, occupant);
  if (url)
    return <img className="avatar avatar-image" src={url} alt="" aria-hidden="true" width={size} height={size} />;
  const letter = [...(name.trim() || jid)][0]?.toUpperCase() ?? '?';
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{ backgroundColor: consistentColor(jid), width: size, height: size, fontSize: size * 0.45 }}
    >
      {letter}
    </span>
  );
}
