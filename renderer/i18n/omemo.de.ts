// Deutsche Texte der Ende-zu-Ende-Verschlüsselung (OMEMO).
import type { omemoEn } from './omemo.en.ts';

export const omemoDe: Record<keyof typeof omemoEn, string> = {
  'omemo.on': 'Verschlüsselt (OMEMO)',
  'omemo.off': 'Nicht verschlüsselt',
  'omemo.turnOn': 'Verschlüsselung einschalten',
  'omemo.turnOff': 'Verschlüsselung ausschalten',
  'omemo.unavailable': 'Verschlüsselung ist an, aber Nachrichten können nicht gesendet werden: {reason}',
  'omemo.newDevices':
    '{count} neue(s) Gerät(e) in diesem Chat sind noch nicht vertrauenswürdig; für sie wird nicht verschlüsselt.',
  'omemo.review': 'Geräte prüfen',
  'omemo.devices': 'Geräte der Verschlüsselung',
  'omemo.ownDevice': 'Dieses Gerät',
  'omemo.ownDeviceHint':
    'Vergleiche diesen Fingerabdruck auf deinen anderen Geräten oder denen deines Kontakts, oder lass den Code scannen.',
  'omemo.otherDevices': 'Geräte',
  'omemo.ownOtherDevices': 'Deine anderen Geräte',
  'omemo.noDevices': 'Keine OMEMO-Geräte bekannt.',
  'omemo.device': 'Gerät {id}',
  'omemo.noKey': 'Schlüssel noch nicht abgerufen',
  'omemo.lastSeen': 'Letzte Nachricht {time}',
  'omemo.inactive': 'Nicht mehr in Gebrauch',
  'omemo.trust.unknown': 'Unbekannt',
  'omemo.trust.blind': 'Vertraut (nicht verifiziert)',
  'omemo.trust.undecided': 'Neu: noch nicht vertraut',
  'omemo.trust.verified': 'Verifiziert',
  'omemo.trust.distrusted': 'Misstraut',
  'omemo.verify': 'Verifizieren',
  'omemo.distrust': 'Misstrauen',
  'omemo.trustBlind': 'Ohne Prüfung vertrauen',
  'omemo.confirmVerify':
    'Nur verifizieren, wenn dieser Fingerabdruck mit dem auf jenem Gerät übereinstimmt:\n\n{fingerprint}',
  'omemo.scanUri': 'Verifizierungslink (aus einem QR-Code)',
  'omemo.verifyUri': 'Link verifizieren',
  'omemo.verifiedCount': '{count} Gerät(e) verifiziert.',
  'omemo.qr': 'QR-Code des Fingerabdrucks dieses Geräts',
  'omemo.encryptedBy': 'Verschlüsselt von Gerät {device} ({trust})',
  'omemo.encryptedSent': 'Verschlüsselt gesendet',
  'omemo.skipped': 'Nicht verschlüsselt für {count} nicht vertraute(s) Gerät(e): {devices}',
  'omemo.undecryptable': 'Verschlüsselte Nachricht, die hier nicht lesbar ist: {reason}',
  'omemo.sendFailed': 'Nicht gesendet, sie konnte nicht verschlüsselt werden: {reason}',
};
