// Dates and times in the user's language.
import type { Translate } from '../i18n/translate.ts';
import type { Language } from '../store/settings.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', de: 'de-DE' };

export function formatTime(timestamp: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }).format(timestamp);
}

export function formatFullDate(timestamp: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeStyle: 'medium' }).format(timestamp);
}

export function formatDay(timestamp: number, language: Language, t: Translate, now = Date.now()): string {
  const startOfDay = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);
  const days = Math.round((startOfDay(now) - startOfDay(timestamp)) / 86_400_000);
  if (days === 0) return t('chat.today');
  if (days === 1) return t('chat.yesterday');
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(timestamp);
}
