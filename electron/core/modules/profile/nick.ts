// User nicknames (XEP-0172): the name people give themselves, cleaned of control characters and cut short.
export const NS_NICK = 'http://jabber.org/protocol/nick';
const MAX_NICK_CHARS = 200;

export const cleanNick = (text: string | null | undefined): string =>
  [...(text ?? '').replace(/\p{Cc}/gu, ' ').trim()].slice(0, MAX_NICK_CHARS).join('');
