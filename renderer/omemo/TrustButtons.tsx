// Verify, distrust, or trust without verifying: the same choices for an OMEMO device and an OpenPGP key.
import type { DeviceTrust } from '../../shared/model/omemo.ts';
import { useT } from '../i18n/useT.ts';

/** What the user can set (unknown and undecided are the engine's). */
export type TrustChoice = 'verified' | 'distrusted' | 'blind';

export function TrustButtons({ trust, onSet }: { trust: DeviceTrust; onSet: (trust: TrustChoice) => void }) {
  const t = useT();
  return (
    <div className="button-row">
      {trust !== 'verified' ? (
        <button type="button" onClick={() => onSet('verified')}>
          {t('omemo.verify')}
        </button>
      ) : null}
      {trust !== 'distrusted' ? (
        <button type="button" className="danger" onClick={() => onSet('distrusted')}>
          {t('omemo.distrust')}
        </button>
      ) : null}
      {trust === 'undecided' || trust === 'distrusted' ? (
        <button type="button" onClick={() => onSet('blind')}>
          {t('omemo.trustBlind')}
        </button>
      ) : null}
    </div>
  );
}
