// Deutsche Texte zu dem, was die Engine im Namen der Nutzerin ablehnt (Verbindungen, Nachrichten, Dateien, Links).
import type { securityEn } from './security.en.ts';

export const securityDe: Record<keyof typeof securityEn, string> = {
  'connection.code.no-tls':
    'Der Server hat keine Verschlüsselung angeboten, daher hat sich JabberDesk nicht angemeldet. Möglicherweise greift jemand in die Verbindung ein.',
  'connection.code.no-auth':
    'Der Server hat die Anmeldung übersprungen: JabberDesk nimmt keine Sitzung an, bei der es sich nicht angemeldet hat.',
  'connection.code.wrong-jid': 'Der Server wollte dich als jemand anderen anmelden; die Verbindung wurde getrennt.',
  'connection.code.abuse':
    'Der Server hat wiederholt übergroße oder zu tief verschachtelte Daten gesendet, daher verbindet sich JabberDesk nicht mehr. Versuche es später erneut.',
  'message.unencrypted': 'Nicht verschlüsselt',
  'message.refusedCorrection':
    'Unverschlüsselt als Korrektur einer verschlüsselten Nachricht gesendet. Sie wurde nicht übernommen: Sie stammt möglicherweise nicht vom Absender.',
  'message.retractedInClear':
    'Durch eine unverschlüsselte Anfrage zurückgezogen (sie stammt möglicherweise nicht vom Absender).',
  'message.showRetractedText': 'Text anzeigen',
  'message.distrustedDevice':
    'Diese Nachricht stammt von Gerät {device}, dem du misstraust. Sie ist möglicherweise nicht von deinem Kontakt.',
  'message.showAnyway': 'Trotzdem anzeigen',
};
