// Deutsche Texte der Desktop-Funktionen: Benachrichtigungen und Stummschalten.
import type { desktopEn } from './desktop.en.ts';

export const desktopDe: Record<keyof typeof desktopEn, string> = {
  'notify.request': 'Neue Nachrichtenanfrage',
  'notify.requestFrom': 'Von {sender}',
  'notify.count': '{count} neue Nachrichten',
  'notify.encrypted': 'Verschlüsselte Nachricht',
  'notify.hidden': 'Du hast eine neue Nachricht',
  'settings.notifications': 'Benachrichtigungen',
  'settings.notifyEnabled': 'Benachrichtigungen für Nachrichten, Anfragen und Einladungen zeigen',
  'settings.notifyBlocked':
    'Dein Browser blockiert Benachrichtigungen für diese Seite; erlaube sie in den Website-Einstellungen.',
  'settings.notifyPrivacy': 'Was Benachrichtigungen zeigen',
  'privacy.full': 'Absender und Text',
  'privacy.sender': 'Nur den Absender',
  'privacy.none': 'Nichts Erkennbares',
  'settings.notifySound': 'Einen kurzen Ton abspielen',
  'settings.autoAway': 'Automatisch abwesend',
  'chat.idleFor': 'seit {minutes} Min. untätig',
  'settings.awayAfter': 'Abwesend nach so vielen Minuten ohne Eingabe (0: nie)',
  'settings.xaAfter': 'Länger abwesend nach so vielen Minuten (0: nie)',
  'mute.label': 'Benachrichtigungen für diesen Chat',
  'mute.on': 'Benachrichtigungen an',
  'mute.hour': 'Stumm für 1 Stunde',
  'mute.eight': 'Stumm für 8 Stunden',
  'mute.always': 'Stumm, bis ich es ändere',
  'mute.until': 'Stumm bis {time}',
  'roomNotify.all': 'Jede Nachricht',
  'roomNotify.mentions': 'Nur Erwähnungen',
  'roomNotify.none': 'Nichts',
};
