// A contact's local time from their XEP-0202 answer: their UTC time moved by their offset, shown with it.
export function contactClock(tzo: string, utc: string, language: 'en' | 'de'): string {
  const match = /^([+-])(\d{2}):(\d{2})$/u.exec(tzo);
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  const local = new Date(Date.parse(utc) + minutes * 60_000);
  const time = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(local);
  return `${time} (UTC${tzo === 'Z' ? '' : tzo})`;
}
