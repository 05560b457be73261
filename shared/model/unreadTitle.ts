// The unread count in the window title, "(3) JabberDesk", which the desktop shell reads for its badge.
export const totalUnread = (unread: Readonly<Record<string, number>>): number =>
  Object.values(unread).reduce((sum, n) => sum + n, 0);

export function titleWithUnread(name: string, count: number): string {
  return count > 0 ? `(${count > 999 ? '999+' : count}) ${name}` : name;
}

/** The count back from a title (the desktop shell's side); 0 when there is none. */
export function unreadFromTitle(title: string): number {
  const match = /^\((\d+)\+?\) /u.exec(title);
  return match ? Number(match[1]) : 0;
}
