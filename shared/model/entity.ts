// What a contact's client tells about itself (XEP-0092, XEP-0202), and what we let ours tell.
export interface SoftwareVersion {
  name: string;
  version: string;
  os?: string;
}

/** XEP-0202: the contact's clock, as its UTC offset and the UTC time it said (ISO 8601). */
export interface EntityTime {
  tzo: string;
  utc: string;
}

/** Which questions about us are answered (and advertised); OS is off by default, as Gajim does. */
export interface PrivacySettings {
  version: boolean;
  os: boolean;
  time: boolean;
  lastActivity: boolean;
}

export const DEFAULT_PRIVACY: PrivacySettings = { version: true, os: false, time: true, lastActivity: true };
