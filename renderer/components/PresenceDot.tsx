import type { PresenceShow } from '../../shared/model/presence.ts';
import { useT } from '../i18n/useT.ts';

export function PresenceDot({ show }: { show: PresenceShow }) {
  const t = useT();
  return (
    <span className={`presence-dot show-${show}`} role="img" aria-label={t(`show.${show}`)} title={t(`show.${show}`)} />
  );
}
