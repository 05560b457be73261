import { consistentColor } from '../lib/consistentColor.ts';

/** A placeholder avatar: the first letter on the XEP-0392 colour of the JID. */
export function Avatar({ jid, name, size = 36 }: { jid: string; name: string; size?: number }) {
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
