// Looks up a visible string in the current language and fills in its {placeholders}.
import type { Language } from '../store/settings.ts';
import { de } from './de.ts';
import { en, type MessageKey } from './en.ts';

const TABLES: Record<Language, Record<MessageKey, string>> = { en, de };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const table = TABLES[language];
  return (key, values) => {
    const template = table[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in values ? String(values[name]) : whole));
  };
}
