// Which shared files are fetched without a click: images, small enough, from someone the user chose
// to hear from (a contact in the roster, a room they joined, or themselves); strangers never.
import { isPreviewableImageName } from '../../shared/model/file.ts';
import type { Settings } from '../store/settings.ts';

export interface Source {
  /** The peer is in the roster (1:1 chats). */
  inRoster: boolean;
  /** The message's room is one we joined (group chats). */
  joinedRoom: boolean;
}

/** Whether anything about the file may be requested before a click: not for strangers or room PMs. */
export function mayRequestUnasked(
  message: { direction: 'in' | 'out'; peer: string; groupchat?: boolean | undefined },
  source: Source,
): boolean {
  const privateInRoom = !message.groupchat && message.peer.includes('/');
  return message.direction === 'out' || (message.groupchat ? source.joinedRoom : !privateInRoom && source.inRoster);
}

export function autoDownloadLimit(
  message: { direction: 'in' | 'out'; peer: string; groupchat?: boolean | undefined },
  name: string,
  source: Source,
  settings: Pick<Settings, 'autoDownloadImages' | 'autoDownloadLimitMB'>,
  announcedSize: number | undefined,
): number | undefined {
  if (!settings.autoDownloadImages || !isPreviewableImageName(name)) return undefined;
  const limit = Math.round(settings.autoDownloadLimitMB * 1024 * 1024);
  if (limit <= 0 || (announcedSize !== undefined && announcedSize > limit)) return undefined;
  return mayRequestUnasked(message, source) ? limit : undefined;
}
