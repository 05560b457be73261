import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BareJid } from '../../../shared/model/jid.ts';
import { parseChatMessage, parseForwardedChat } from '../modules/chat/chat.parse.ts';
import { parseGroupMessage } from '../modules/muc/muc.parse.ts';
import { bodyOf } from './body.ts';
import { stanzaFromText } from './stanzaText.ts';

const own = 'juliet@example.com' as BareJid;

test('a <body/> of another namespace is never the message text, in chats, forwarded copies and rooms', () => {
  const foreign = `<body xmlns='urn:x-other'>injected</body>`;
  assert.equal(bodyOf(stanzaFromText(`<message from='a@x/r' type='chat'>${foreign}</message>`)), undefined);
  assert.equal(
    parseChatMessage(stanzaFromText(`<message from='a@x/r' type='chat'>${foreign}</message>`), own),
    undefined,
  );
  const chat = parseChatMessage(
    stanzaFromText(`<message from='a@x/r' type='chat'>${foreign}<body>real</body></message>`),
    own,
  );
  assert.equal(chat?.kind === 'chat' && chat.body, 'real');

  const carbon = stanzaFromText(
    `<message from='${own}' type='chat'><received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>` +
      `<message xmlns='jabber:client' from='a@x/r' to='${own}/desk' type='chat'>${foreign}<body>carbon</body></message>` +
      `</forwarded></received></message>`,
  );
  const inner = carbon.getChild('received')?.getChild('forwarded')?.getChild('message');
  assert.equal(parseForwardedChat(inner, own)?.body, 'carbon');
  const onlyForeign = stanzaFromText(
    `<message><result xmlns='urn:xmpp:mam:2'><forwarded xmlns='urn:xmpp:forward:0'>` +
      `<message xmlns='jabber:client' from='a@x/r' to='${own}' type='chat'>${foreign}</message></forwarded></result></message>`,
  );
  assert.equal(
    parseForwardedChat(onlyForeign.getChild('result')?.getChild('forwarded')?.getChild('message'), own),
    undefined,
  );

  const room = parseGroupMessage(
    stanzaFromText(`<message from='room@muc.x/Eve' type='groupchat'>${foreign}</message>`),
  );
  assert.equal(room?.body ?? '', '');
});

test("several bodies: the one in the stanza's language (its own or the stream's), else the first", () => {
  const bodies = `<body xml:lang='fr'>bonjour</body><body xml:lang='de'>hallo</body><body>hello</body>`;
  assert.equal(bodyOf(stanzaFromText(`<message from='a@x/r'>${bodies}</message>`)), 'hello');
  assert.equal(
    bodyOf(
      stanzaFromText(
        `<message from='a@x/r' xml:lang='de'><body xml:lang='fr'>bonjour</body><body xml:lang='de'>hallo</body></message>`,
      ),
    ),
    'hallo',
  );
  assert.equal(
    bodyOf(
      stanzaFromText(
        `<message from='a@x/r'><body xml:lang='fr'>bonjour</body><body xml:lang='en'>hi</body></message>`,
        'en',
      ),
    ),
    'hi',
  );
  assert.equal(
    bodyOf(
      stanzaFromText(
        `<message from='a@x/r'><body xml:lang='fr'>bonjour</body><body xml:lang='it'>ciao</body></message>`,
      ),
    ),
    'bonjour',
  );
});
