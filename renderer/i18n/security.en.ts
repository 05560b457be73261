// English strings for what the engine refuses on the user's behalf (connections, messages, files, links).
export const securityEn = {
  'connection.code.no-tls':
    'The server did not offer encryption, so JabberDesk did not log in. Someone may be interfering with the connection.',
  'connection.code.no-auth':
    'The server skipped authentication: JabberDesk does not accept a session it did not log in to.',
  'connection.code.wrong-jid': 'The server tried to sign you in as someone else; the connection was closed.',
  'connection.code.abuse':
    'The server kept sending oversized or too deeply nested data, so JabberDesk stopped connecting. Try again later.',
  'message.unencrypted': 'Not encrypted',
  'message.refusedCorrection':
    'Sent unencrypted as a correction of an encrypted message. It was not applied: it may not come from the sender.',
  'message.retractedInClear': 'Retracted by an unencrypted request (it may not come from the sender).',
  'message.showRetractedText': 'Show the text',
  'message.distrustedDevice':
    'This message comes from device {device}, which you distrust. It may not be from your contact.',
  'message.showAnyway': 'Show anyway',
};
