import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CLIENT_VERSION } from '../disco/disco.ts';
import { capsHash } from './capsHash.ts';
import { stanzaFromText } from '../../xmpp/stanzaText.ts';

const FEATURES = ['caps', 'disco#info', 'disco#items', 'muc']
  .map((f) => `<feature var='http://jabber.org/protocol/${f}'/>`)
  .join('');

test('XEP-0115 §5.2: the simple example hashes to its published ver', () => {
  const query = stanzaFromText(
    `<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' name='Exodus 0.9.1' type='pc'/>${FEATURES}</query>`,
  );
  assert.equal(capsHash(query), 'QgayPKawpkPSDYmwT/WM94uAlu0=');
});

test('XEP-0115 §5.3: identities with xml:lang and an extended form hash to the published ver', () => {
  const query = stanzaFromText(
    `<query xmlns='http://jabber.org/protocol/disco#info'>
      <identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>
      <identity xml:lang='el' category='client' name='Ψ 0.11' type='pc'/>
      ${FEATURES}
      <x xmlns='jabber:x:data' type='result'>
        <field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>
        <field var='ip_version' type='text-multi'><value>ipv4</value><value>ipv6</value></field>
        <field var='os'><value>Mac</value></field>
        <field var='os_version'><value>10.5.1</value></field>
        <field var='software'><value>Psi</value></field>
        <field var='software_version'><value>0.11</value></field>
      </x></query>`,
  );
  assert.equal(capsHash(query), 'q07IKJEyjvHSyhy//CH0CxmKi8w=');
});

test('answers a ver cannot be trusted for: duplicate features, a form without a hidden FORM_TYPE', () => {
  const twice = stanzaFromText(
    `<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' type='pc'/>${FEATURES}${FEATURES}</query>`,
  );
  assert.equal(capsHash(twice), undefined);
  const formless = stanzaFromText(
    `<query xmlns='http://jabber.org/protocol/disco#info'><identity category='client' type='pc'/><x xmlns='jabber:x:data' type='result'><field var='os'><value>Mac</value></field></x></query>`,
  );
  assert.equal(capsHash(formless), undefined);
});

test('the version we answer (XEP-0092) is the package’s', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  assert.equal(CLIENT_VERSION, pkg.version);
});
