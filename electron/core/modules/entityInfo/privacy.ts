// What we let our client tell about us (XEP-0092, XEP-0202, XEP-0012): app-wide, kept in the database.
import { DEFAULT_PRIVACY, type PrivacySettings } from '../../../../shared/model/entity.ts';
import type { MetaRepo } from '../../store/metaRepo.ts';

const PRIVACY_KEY = 'privacy';

export function readPrivacy(meta: MetaRepo): PrivacySettings {
  try {
    const saved = JSON.parse(meta.get(PRIVACY_KEY) ?? '{}') as Partial<Record<keyof PrivacySettings, unknown>>;
    const flag = (key: keyof PrivacySettings): boolean =>
      typeof saved[key] === 'boolean' ? saved[key] : DEFAULT_PRIVACY[key];
    return { version: flag('version'), os: flag('os'), time: flag('time'), lastActivity: flag('lastActivity') };
  } catch {
    return { ...DEFAULT_PRIVACY };
  }
}

export function writePrivacy(meta: MetaRepo, settings: PrivacySettings): void {
  meta.set(PRIVACY_KEY, JSON.stringify(settings));
}
