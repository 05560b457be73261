// A person's profile (XEP-0292 vCard4 over PEP, vCard-temp as the fallback for reading).
export const PROFILE_FIELDS = [
  'fullName',
  'nickname',
  'email',
  'phone',
  'url',
  'organisation',
  'note',
  'birthday',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
/** Every field as text, '' when not given; `birthday` as YYYY-MM-DD. */
export type Profile = Record<ProfileField, string>;
export const MAX_PROFILE_FIELD_CHARS = 2000;

export const EMPTY_PROFILE: Profile = {
  fullName: '',
  nickname: '',
  email: '',
  phone: '',
  url: '',
  organisation: '',
  note: '',
  birthday: '',
};
