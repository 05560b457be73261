// English strings for what the engine refuses on the user's behalf (connections, messages, files, links).
export const securityEn = {
  'connection.code.no-tls':
    'The server did not offer encryption, so JabberDesk did not log in. Someone may be interfering with the connection.',
  'connection.code.no-auth':
    'The server skipped authentication: JabberDesk does not accept a session it did not log in to.',
  'connection.code.wrong-jid': 'The server tried to sign you in as someone else; the connection was closed.',
  'connection.code.abuse':
    'The server kept sending oversized or too deeply nested data, so JabberDesk stopped connecting. Try again later.',
  'connection.code.conflict':
    'You signed in elsewhere with the same resource, so this connection was closed. Reconnect to take it back.',
  'connection.code.policy-violation': 'The server closed the connection for a policy violation (too much traffic?).',
  'connection.code.not-authorized': 'The server no longer accepts this login. Check the password.',
  'connection.code.host-unknown': "The server does not serve this domain. Check the account's server settings.",
  'connection.code.redirect-loop':
    'The server kept redirecting the connection elsewhere; JabberDesk stopped following.',
  'cert.changedTitle': 'The server certificate changed',
  'cert.changedExplain':
    "The server {server} shows a different certificate than the one trusted before ({reason}). This happens when a server renews its certificate on its own, but also when someone intercepts the connection. Compare the new fingerprint with one from the server's operator before trusting it.",
  'cert.previousFingerprint': 'Fingerprint trusted before',
  'cert.newFingerprint': 'New SHA-256 fingerprint',
  'uri.title': 'XMPP link',
  'uri.pickAccount': 'Open this link with which account?',
  'uri.unsupported': 'This link asks for "{action}", which JabberDesk does not do. Nothing was done.',
  'secrets.title': 'Password storage',
  'secrets.keychain': 'Passwords and keys are encrypted with your system keychain.',
  'secrets.memory': 'Passwords are kept in memory only (demo or test mode).',
  'secrets.weak':
    'This system has no keyring: a saved password is protected only by a key that anyone who can read your files can use. Untick "Remember passwords" to be asked at each start instead.',
  'secrets.none':
    'This system offers no secure storage: passwords are not saved and will be asked for at each start; encryption keys are made anew.',
  'secrets.remember': 'Remember passwords on this computer',
  'message.unencrypted': 'Not encrypted',
  'message.refusedCorrection':
    'Sent unencrypted as a correction of an encrypted message. It was not applied: it may not come from the sender.',
  'message.retractedInClear': 'Retracted by an unencrypted request (it may not come from the sender).',
  'message.showRetractedText': 'Show the text',
  'message.distrustedDevice':
    'This message comes from device {device}, which you distrust. It may not be from your contact.',
  'message.showAnyway': 'Show anyway',
};
