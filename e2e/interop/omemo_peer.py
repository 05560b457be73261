#!/usr/bin/python3
"""An independent OMEMO client for interoperability tests: legacy OMEMO (eu.siacs.conversations.axolotl),
OMEMO 2 (urn:xmpp:omemo:2), or both, as python-omemo's session manager chooses per device.

Built on Debian's python3-slixmpp and python3-omemo / python3-oldmemo / python3-twomemo (no code shared
with the app); the XEP-0420 envelope OMEMO 2 carries is written and read here. It logs in, publishes its
device through PEP, and speaks JSON lines: it prints {"event": "ready", "device": id},
{"event": "received", ...}, {"event": "joined", ...} and {"event": "sent", ...}; it reads
{"send": {"to": jid, "body": text}}, {"join": {"room": jid, "nick": nick}},
{"sendRoom": {"room": jid, "members": [jid, ...], "body": text}} and {"quit": true} on stdin.
"""
import asyncio
import json
import ssl
import sys
import xml.etree.ElementTree as ET
from typing import Any, Dict, FrozenSet, List, Optional

import slixmpp
import omemo
from omemo.storage import Just, Maybe, Nothing, Storage
from omemo.types import DeviceInformation, JSONType, TrustLevel
import random
import string
from datetime import datetime, timezone

import oldmemo
import oldmemo.etree
import twomemo
import twomemo.etree

NS = oldmemo.oldmemo.NAMESPACE
NS2 = twomemo.twomemo.NAMESPACE
NS_SCE = 'urn:xmpp:sce:1'
NS_MUC = 'http://jabber.org/protocol/muc'
NS_MUC_USER = f'{NS_MUC}#user'
ETREE = {NS: oldmemo.etree, NS2: twomemo.etree}
NS_PUBSUB = 'http://jabber.org/protocol/pubsub'
NS_DATA = 'jabber:x:data'


def out(event: Dict[str, Any]) -> None:
    print(json.dumps(event), flush=True)


class FileStorage(Storage):
    """All OMEMO state in one JSON file, so that the peer keeps its device across restarts."""

    def __init__(self, path: str) -> None:
        super().__init__(True)
        self.path = path
        try:
            with open(path, encoding='utf-8') as file:
                self.data: Dict[str, JSONType] = json.load(file)
        except FileNotFoundError:
            self.data = {}

    def save(self) -> None:
        with open(self.path, 'w', encoding='utf-8') as file:
            json.dump(self.data, file)

    async def _load(self, key: str) -> Maybe[JSONType]:
        return Just(self.data[key]) if key in self.data else Nothing()

    async def _store(self, key: str, value: JSONType) -> None:
        self.data[key] = value
        self.save()

    async def _delete(self, key: str) -> None:
        self.data.pop(key, None)
        self.save()


def envelope(sender: str, to: str, body: str) -> bytes:
    """The XEP-0420 envelope of an OMEMO 2 message."""
    root = ET.Element(f'{{{NS_SCE}}}envelope')
    content = ET.SubElement(root, f'{{{NS_SCE}}}content')
    ET.SubElement(content, '{jabber:client}body').text = body
    ET.SubElement(root, f'{{{NS_SCE}}}rpad').text = ''.join(random.choices(string.ascii_letters, k=random.randint(1, 50)))
    ET.SubElement(root, f'{{{NS_SCE}}}from', {'jid': sender})
    ET.SubElement(root, f'{{{NS_SCE}}}to', {'jid': to})
    ET.SubElement(root, f'{{{NS_SCE}}}time', {'stamp': datetime.now(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')})
    return ET.tostring(root)


def open_envelope(plaintext: bytes, sender: str) -> str:
    root = ET.fromstring(plaintext)
    if root.tag != f'{{{NS_SCE}}}envelope':
        raise ValueError('not an SCE envelope')
    origin = root.find(f'{{{NS_SCE}}}from')
    if origin is None or origin.get('jid', '').split('/')[0] != sender:
        raise ValueError('the envelope names another sender')
    body = root.find(f'{{{NS_SCE}}}content/{{jabber:client}}body')
    return body.text or '' if body is not None else ''


def publish_options(max_items: bool = False) -> ET.Element:
    form = ET.Element(f'{{{NS_DATA}}}x', {'type': 'submit'})
    fields = [('FORM_TYPE', f'{NS_PUBSUB}#publish-options'), ('pubsub#access_model', 'open')]
    if max_items:
        fields.append(('pubsub#max_items', 'max'))
    for var, value in fields:
        field = ET.SubElement(form, f'{{{NS_DATA}}}field', {'var': var})
        ET.SubElement(field, f'{{{NS_DATA}}}value').text = value
    options = ET.Element(f'{{{NS_PUBSUB}}}publish-options')
    options.append(form)
    return options


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid: str, password: str, storage: str, versions: str) -> None:
        super().__init__(jid, password)
        self.storage = storage
        self.namespaces = {'legacy': [NS], 'v2': [NS2], 'both': [NS2, NS]}[versions]
        # Rooms: our nick in each, and each occupant's real JID (the rooms are non-anonymous).
        self.nicks: Dict[str, str] = {}
        self.real: Dict[str, str] = {}
        self.add_event_handler('presence', self.on_presence)
        self.manager: Optional[omemo.SessionManager] = None
        self.add_event_handler('session_start', self.start)
        self.add_event_handler('message', self.on_message)

    async def pubsub(self, kind: str, to: Optional[str], child: ET.Element) -> ET.Element:
        iq = self.make_iq(ito=to, itype=kind)
        pubsub = ET.Element(f'{{{NS_PUBSUB}}}pubsub')
        pubsub.append(child)
        iq.append(pubsub)
        return (await iq.send()).xml

    async def publish(self, node: str, payload: ET.Element, item: str = 'current', max_items: bool = False) -> None:
        iq = self.make_iq_set()
        pubsub = ET.Element(f'{{{NS_PUBSUB}}}pubsub')
        publish = ET.SubElement(pubsub, f'{{{NS_PUBSUB}}}publish', {'node': node})
        ET.SubElement(publish, f'{{{NS_PUBSUB}}}item', {'id': item}).append(payload)
        pubsub.append(publish_options(max_items))
        iq.append(pubsub)
        await iq.send()

    async def first_item(self, jid: str, node: str, item: Optional[str] = None) -> Optional[ET.Element]:
        query = ET.Element(f'{{{NS_PUBSUB}}}items', {'node': node} if item else {'node': node, 'max_items': '1'})
        if item:
            ET.SubElement(query, f'{{{NS_PUBSUB}}}item', {'id': item})
        try:
            answer = await self.pubsub('get', jid, query)
        except slixmpp.exceptions.IqError:
            return None
        return answer.find(f'.//{{{NS_PUBSUB}}}item')

    async def start(self, _event: Any) -> None:
        peer = self

        class Manager(omemo.SessionManager):
            @staticmethod
            async def _upload_bundle(bundle: omemo.Bundle) -> None:
                if bundle.namespace == NS2:
                    await peer.publish(f'{NS2}:bundles', twomemo.etree.serialize_bundle(bundle), str(bundle.device_id), True)
                else:
                    await peer.publish(f'{NS}.bundles:{bundle.device_id}', oldmemo.etree.serialize_bundle(bundle))

            @staticmethod
            async def _download_bundle(namespace: str, bare_jid: str, device_id: int) -> omemo.Bundle:
                if namespace == NS2:
                    item = await peer.first_item(bare_jid, f'{NS2}:bundles', str(device_id))
                else:
                    item = await peer.first_item(bare_jid, f'{NS}.bundles:{device_id}')
                bundle = item.find(f'{{{namespace}}}bundle') if item is not None else None
                if bundle is None:
                    raise omemo.BundleDownloadFailed(f'no bundle for {bare_jid} {device_id}')
                return ETREE[namespace].parse_bundle(bundle, bare_jid, device_id)

            @staticmethod
            async def _delete_bundle(namespace: str, device_id: int) -> None:
                return None

            @staticmethod
            async def _upload_device_list(namespace: str, device_list: Dict[int, Optional[str]]) -> None:
                node = f'{NS2}:devices' if namespace == NS2 else f'{NS}.devicelist'
                await peer.publish(node, ETREE[namespace].serialize_device_list(device_list))

            @staticmethod
            async def _download_device_list(namespace: str, bare_jid: str) -> Dict[int, Optional[str]]:
                node = f'{NS2}:devices' if namespace == NS2 else f'{NS}.devicelist'
                item = await peer.first_item(bare_jid, node)
                found = item.find(f'{{{namespace}}}{"devices" if namespace == NS2 else "list"}') if item is not None else None
                return ETREE[namespace].parse_device_list(found) if found is not None else {}

            async def _evaluate_custom_trust_level(self, device: DeviceInformation) -> TrustLevel:
                return TrustLevel.TRUSTED

            async def _make_trust_decision(self, undecided: FrozenSet[DeviceInformation], identifier: Optional[str]) -> None:
                for device in undecided:
                    await self.set_trust(device.bare_jid, device.identity_key, 'trusted')

            @staticmethod
            async def _send_message(message: omemo.Message, bare_jid: str) -> None:
                stanza = peer.make_message(mto=bare_jid, mtype='chat')
                stanza.append(ETREE[message.namespace].serialize_message(message))
                stanza.append(ET.Element('{urn:xmpp:hints}store'))
                stanza.send()

        storage = FileStorage(self.storage)
        backends = [twomemo.Twomemo(storage) if ns == NS2 else oldmemo.Oldmemo(storage) for ns in self.namespaces]
        self.manager = await Manager.create(backends, storage, self.boundjid.bare, 'interop peer', 'trusted')
        # Presence only now: offline messages arrive once it is sent, and need the session manager.
        self.send_presence()
        device, _ = await self.manager.get_own_device_information()
        out({'event': 'ready', 'device': device.device_id})
        asyncio.ensure_future(self.read_commands())

    def on_presence(self, presence: Any) -> None:
        item = presence.xml.find(f'{{{NS_MUC_USER}}}x/{{{NS_MUC_USER}}}item')
        if item is None:
            return
        occupant = str(presence['from'])
        if item.get('jid'):
            self.real[occupant] = item.get('jid', '').split('/')[0]
        codes = {s.get('code') for s in presence.xml.findall(f'{{{NS_MUC_USER}}}x/{{{NS_MUC_USER}}}status')}
        if '110' in codes and presence['type'] != 'unavailable':
            room, nick = occupant.split('/', 1)
            if room not in self.nicks:
                self.nicks[room] = nick
                out({'event': 'joined', 'room': room})

    def addressed(self, encrypted: ET.Element, namespace: str, own: int) -> bool:
        if namespace == NS2:
            keys = encrypted.findall(f'{{{NS2}}}header/{{{NS2}}}keys[@jid="{self.boundjid.bare}"]/{{{NS2}}}key')
        else:
            keys = encrypted.findall(f'{{{NS}}}header/{{{NS}}}key')
        return any(int(k.get('rid', '0')) == own for k in keys)

    async def on_message(self, msg: Any) -> None:
        if self.manager is None:
            return
        own, _ = await self.manager.get_own_device_information()
        candidates = [(ns, msg.xml.find(f'{{{ns}}}encrypted')) for ns in self.namespaces]
        found = [(ns, e) for ns, e in candidates if e is not None]
        chosen = next(((ns, e) for ns, e in found if self.addressed(e, ns, own.device_id)), found[0] if found else None)
        if chosen is None:
            return
        namespace, encrypted = chosen
        room = msg['from'].bare if msg['type'] == 'groupchat' else None
        if room is not None and msg['from'].resource == self.nicks.get(room):
            return  # our own message, echoed by the room
        sender = self.real.get(str(msg['from']), '') if room is not None else msg['from'].bare
        try:
            if namespace == NS2:
                message = twomemo.etree.parse_message(encrypted, sender)
            else:
                message = await oldmemo.etree.parse_message(encrypted, sender, self.boundjid.bare, self.manager)
            plaintext, device, _ = await self.manager.decrypt(message)
            body = None
            if plaintext:
                body = open_envelope(plaintext, sender) if namespace == NS2 else plaintext.decode()
            event = {'event': 'received', 'from': sender, 'device': device.device_id, 'namespace': namespace, 'body': body}
            out({**event, 'room': room} if room is not None else event)
        except Exception as error:  # reported to the test, which decides
            out({'event': 'error', 'from': sender, 'error': f'{type(error).__name__}: {error}'})

    async def read_commands(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line or json.loads(line).get('quit'):
                self.disconnect()
                return
            command = json.loads(line)
            if 'join' in command:
                presence = self.make_presence(pto=f"{command['join']['room']}/{command['join']['nick']}")
                presence.append(ET.Element(f'{{{NS_MUC}}}x'))
                presence.send()
                continue
            try:
                if 'sendRoom' in command:
                    room = command['sendRoom']
                    await self.encrypt_and_send(room['room'], room['members'], room['body'], 'groupchat')
                else:
                    send = command['send']
                    await self.encrypt_and_send(send['to'], [send['to']], send['body'], 'chat')
            except Exception as error:  # reported to the test, which decides
                out({'event': 'error', 'error': f'{type(error).__name__}: {error}'})

    async def encrypt_and_send(self, to: str, recipients: List[str], body: str, kind: str) -> None:
        assert self.manager is not None
        # This peer does not subscribe to device list notifications: it looks the lists up before each message.
        for jid in {*recipients, self.boundjid.bare}:
            for namespace in self.namespaces:
                await self.manager.refresh_device_list(namespace, jid)
        plain = {NS: body.encode(), NS2: envelope(self.boundjid.bare, to, body)}
        messages, errors = await self.manager.encrypt(
            frozenset(recipients), {ns: plain[ns] for ns in self.namespaces}, self.namespaces)
        # One stanza with an <encrypted/> per version in use, as Converse.js sends it.
        stanza = self.make_message(mto=to, mtype=kind, mbody='[This message is OMEMO encrypted]')
        for message in messages:
            stanza.append(ETREE[message.namespace].serialize_message(message))
        stanza.append(ET.Element('{urn:xmpp:hints}store'))
        stanza.send()
        out({'event': 'sent', 'to': to, 'namespaces': sorted(m.namespace for m in messages),
             'errors': [str(e) for e in errors]})


def main() -> None:
    host, port, jid, password, storage = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    peer = Peer(jid, password, storage, sys.argv[6] if len(sys.argv) > 6 else 'legacy')
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    peer.ssl_context = context
    peer.connect((host, port))
    peer.add_event_handler('disconnected', lambda _e: peer.loop.stop())
    peer.loop.run_forever()


if __name__ == '__main__':
    main()
