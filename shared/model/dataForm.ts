// XEP-0004 data forms as plain data (room configuration, registration, search…).
export type DataFieldType =
  | 'boolean'
  | 'fixed'
  | 'hidden'
  | 'jid-multi'
  | 'jid-single'
  | 'list-multi'
  | 'list-single'
  | 'text-multi'
  | 'text-private'
  | 'text-single';
export const DATA_FIELD_TYPES: readonly DataFieldType[] = [
  'boolean',
  'fixed',
  'hidden',
  'jid-multi',
  'jid-single',
  'list-multi',
  'list-single',
  'text-multi',
  'text-private',
  'text-single',
];

export interface DataField {
  var: string;
  type: DataFieldType;
  label: string;
  description: string;
  required: boolean;
  values: string[];
  options: { label: string; value: string }[];
  /** An image the field shows (XEP-0221), only when its bytes came in the stanza (XEP-0231), never a URL. */
  media?: { type: string; base64: string };
}

export const FORM_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const MAX_FORM_MEDIA_BYTES = 256 * 1024;

export interface DataForm {
  title: string;
  instructions: string;
  fields: DataField[];
}

/** The submitted values by field var (every field type carries a list; booleans are "1"/"0"). */
export type DataFormValues = Record<string, string[]>;
