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
  'connection.code.conflict':
    'Du hast dich anderswo mit derselben Ressource angemeldet, daher wurde diese Verbindung getrennt. Verbinde dich neu, um sie zurückzuholen.',
  'connection.code.policy-violation':
    'Der Server hat die Verbindung wegen eines Regelverstoßes getrennt (zu viel Verkehr?).',
  'connection.code.not-authorized': 'Der Server nimmt diese Anmeldung nicht mehr an. Prüfe das Passwort.',
  'connection.code.host-unknown': 'Der Server bedient diese Domain nicht. Prüfe die Servereinstellungen des Kontos.',
  'connection.code.redirect-loop': 'Der Server hat die Verbindung wiederholt umgeleitet; JabberDesk folgt nicht mehr.',
  'cert.changedTitle': 'Das Zertifikat des Servers hat sich geändert',
  'cert.changedExplain':
    'Der Server {server} zeigt ein anderes Zertifikat als das zuvor vertraute ({reason}). Das passiert, wenn ein Server sein Zertifikat selbst erneuert, aber auch, wenn jemand die Verbindung abfängt. Vergleiche den neuen Fingerabdruck mit einem vom Betreiber des Servers, bevor du ihm vertraust.',
  'cert.previousFingerprint': 'Zuvor vertrauter Fingerabdruck',
  'cert.newFingerprint': 'Neuer SHA-256-Fingerabdruck',
  'uri.title': 'XMPP-Link',
  'uri.pickAccount': 'Mit welchem Konto soll dieser Link geöffnet werden?',
  'uri.unsupported': 'Dieser Link verlangt „{action}“, was JabberDesk nicht kann. Es wurde nichts getan.',
  'secrets.title': 'Passwortspeicher',
  'secrets.keychain': 'Passwörter und Schlüssel werden mit dem Schlüsselbund deines Systems verschlüsselt.',
  'secrets.memory': 'Passwörter werden nur im Arbeitsspeicher gehalten (Demo- oder Testmodus).',
  'secrets.weak':
    'Dieses System hat keinen Schlüsselbund: Ein gespeichertes Passwort ist nur durch einen Schlüssel geschützt, den jeder nutzen kann, der deine Dateien lesen kann. Entferne den Haken bei „Passwörter merken“, um bei jedem Start gefragt zu werden.',
  'secrets.none':
    'Dieses System bietet keinen sicheren Speicher: Passwörter werden nicht gespeichert und bei jedem Start abgefragt; Verschlüsselungsschlüssel werden neu erzeugt.',
  'secrets.remember': 'Passwörter auf diesem Computer merken',
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
