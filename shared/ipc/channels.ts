export const INVOKE_CHANNEL = 'xmpp:invoke';
export const EVENT_CHANNEL = 'xmpp:event';
