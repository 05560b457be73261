// Dates and times in the user's language. Formatters are built once per language and style: building
// an Intl.DateTimeFormat costs far more than formatting with one (a chat page formats every row).
import type { Translate } from '../i18n/translate.ts';
import type { Language } from '../store/settings.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };
const STYLES = {
  time: { hour: '2-digit', minute: '2-digit' },
  full: { dateStyle: 'full', timeStyle: 'medium' },
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, style: keyof typeof STYLES): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[language], STYLES[style]);
    formatters.set(key, found);
  }
  return found;
}

export function formatTime(timestamp: number, language: Language): string {
  return formatter(language, 'time').format(timestamp);
}

export function formatFullDate(timestamp: number, language: Language): string {
  return formatter(language, 'full').format(timestamp);
}

export function formatDay(timestamp: number, language: Language, t: Translate, now = Date.now()): string {
  const startOfDay = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);
  const days = Math.round((startOfDay(now) - startOfDay(timestamp)) / 86_400_000);
  if (days === 0) return t('chat.today');
  if (days === 1) return t('chat.yesterday');
  return formatter(language, 'day').format(timestamp);
}
