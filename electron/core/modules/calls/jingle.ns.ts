// Namespaces of Jingle RTP calls (XEP-0166, 0167, 0176, 0320, 0338, 0339, 0293, 0294, 0353, 0215).
export const NS_JINGLE = 'urn:xmpp:jingle:1';
export const NS_JINGLE_ERRORS = 'urn:xmpp:jingle:errors:1';
export const NS_RTP = 'urn:xmpp:jingle:apps:rtp:1';
export const NS_RTP_INFO = 'urn:xmpp:jingle:apps:rtp:info:1';
export const NS_RTP_AUDIO = 'urn:xmpp:jingle:apps:rtp:audio';
export const NS_RTP_VIDEO = 'urn:xmpp:jingle:apps:rtp:video';
export const NS_ICE_UDP = 'urn:xmpp:jingle:transports:ice-udp:1';
export const NS_DTLS = 'urn:xmpp:jingle:apps:dtls:0';
export const NS_GROUPING = 'urn:xmpp:jingle:apps:grouping:0';
export const NS_SSMA = 'urn:xmpp:jingle:apps:rtp:ssma:0';
export const NS_RTCP_FB = 'urn:xmpp:jingle:apps:rtp:rtcp-fb:0';
export const NS_HDREXT = 'urn:xmpp:jingle:apps:rtp:rtp-hdrext:0';
export const NS_JMI = 'urn:xmpp:jingle-message:0';
export const NS_EXTDISCO = 'urn:xmpp:extdisco:2';
export const NS_HINTS = 'urn:xmpp:hints';

/** What a peer must advertise before we offer a call, as Conversations requires of us. */
export const CALL_FEATURES = [NS_JINGLE, NS_ICE_UDP, NS_RTP, NS_DTLS] as const;
