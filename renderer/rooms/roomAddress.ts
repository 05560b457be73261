// A new room's address from its title: what people can read and type, on our conference service.

/** "Family & Friends!" → "family-friends"; nothing usable (only emoji, say) gives "". */
export function roomSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 48);
}

export function suggestRoomAddress(name: string, service: string | undefined, random: () => string): string {
  if (!service) return '';
  return `${roomSlug(name) || random()}@${service}`;
}
