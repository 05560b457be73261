#!/usr/bin/python3
"""An independent OMEMO (eu.siacs.conversations.axolotl) client for interoperability tests.

Built on Debian's python3-slixmpp and python3-omemo / python3-oldmemo (no code shared with the app).
It logs in, publishes its device through PEP, and speaks JSON lines: it prints
{"event": "ready", "device": id}, {"event": "received", ...} and {"event": "sent", ...}; it reads
{"send": {"to": jid, "body": text}} and {"quit": true} on stdin.
"""
import asyncio
import json
import ssl
import sys
import xml.etree.ElementTree as ET
from typing import Any, Dict, FrozenSet, Optional

import slixmpp
import omemo
from omemo.storage import Just, Maybe, Nothing, Storage
from omemo.types import DeviceInformation, JSONType, TrustLevel
import oldmemo
import oldmemo.etree

NS = oldmemo.oldmemo.NAMESPACE
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


def publish_options() -> ET.Element:
    form = ET.Element(f'{{{NS_DATA}}}x', {'type': 'submit'})
    for var, value in (('FORM_TYPE', f'{NS_PUBSUB}#publish-options'), ('pubsub#access_model', 'open')):
        field = ET.SubElement(form, f'{{{NS_DATA}}}field', {'var': var})
        ET.SubElement(field, f'{{{NS_DATA}}}value').text = value
    options = ET.Element(f'{{{NS_PUBSUB}}}publish-options')
    options.append(form)
    return options


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid: str, password: str, storage: str) -> None:
        super().__init__(jid, password)
        self.storage = storage
        self.manager: Optional[omemo.SessionManager] = None
        self.add_event_handler('session_start', self.start)
        self.add_event_handler('message', self.on_message)

    async def pubsub(self, kind: str, to: Optional[str], child: ET.Element) -> ET.Element:
        iq = self.make_iq(ito=to, itype=kind)
        pubsub = ET.Element(f'{{{NS_PUBSUB}}}pubsub')
        pubsub.append(child)
        iq.append(pubsub)
        return (await iq.send()).xml

    async def publish(self, node: str, payload: ET.Element) -> None:
        iq = self.make_iq_set()
        pubsub = ET.Element(f'{{{NS_PUBSUB}}}pubsub')
        publish = ET.SubElement(pubsub, f'{{{NS_PUBSUB}}}publish', {'node': node})
        ET.SubElement(publish, f'{{{NS_PUBSUB}}}item', {'id': 'current'}).append(payload)
        pubsub.append(publish_options())
        iq.append(pubsub)
        await iq.send()

    async def first_item(self, jid: str, node: str) -> Optional[ET.Element]:
        try:
            answer = await self.pubsub('get', jid, ET.Element(f'{{{NS_PUBSUB}}}items', {'node': node, 'max_items': '1'}))
        except slixmpp.exceptions.IqError:
            return None
        return answer.find(f'.//{{{NS_PUBSUB}}}item')

    async def start(self, _event: Any) -> None:
        peer = self

        class Manager(omemo.SessionManager):
            @staticmethod
            async def _upload_bundle(bundle: omemo.Bundle) -> None:
                await peer.publish(f'{NS}.bundles:{bundle.device_id}', oldmemo.etree.serialize_bundle(bundle))

            @staticmethod
            async def _download_bundle(namespace: str, bare_jid: str, device_id: int) -> omemo.Bundle:
                item = await peer.first_item(bare_jid, f'{NS}.bundles:{device_id}')
                bundle = item.find(f'{{{NS}}}bundle') if item is not None else None
                if bundle is None:
                    raise omemo.BundleDownloadFailed(f'no bundle for {bare_jid} {device_id}')
                return oldmemo.etree.parse_bundle(bundle, bare_jid, device_id)

            @staticmethod
            async def _delete_bundle(namespace: str, device_id: int) -> None:
                return None

            @staticmethod
            async def _upload_device_list(namespace: str, device_list: Dict[int, Optional[str]]) -> None:
                await peer.publish(f'{NS}.devicelist', oldmemo.etree.serialize_device_list(device_list))

            @staticmethod
            async def _download_device_list(namespace: str, bare_jid: str) -> Dict[int, Optional[str]]:
                item = await peer.first_item(bare_jid, f'{NS}.devicelist')
                found = item.find(f'{{{NS}}}list') if item is not None else None
                return oldmemo.etree.parse_device_list(found) if found is not None else {}

            async def _evaluate_custom_trust_level(self, device: DeviceInformation) -> TrustLevel:
                return TrustLevel.TRUSTED

            async def _make_trust_decision(self, undecided: FrozenSet[DeviceInformation], identifier: Optional[str]) -> None:
                for device in undecided:
                    await self.set_trust(device.bare_jid, device.identity_key, 'trusted')

            @staticmethod
            async def _send_message(message: omemo.Message, bare_jid: str) -> None:
                stanza = peer.make_message(mto=bare_jid, mtype='chat')
                stanza.append(oldmemo.etree.serialize_message(message))
                stanza.send()

        storage = FileStorage(self.storage)
        self.manager = await Manager.create([oldmemo.Oldmemo(storage)], storage, self.boundjid.bare, None, 'trusted')
        # Presence only now: offline messages arrive once it is sent, and need the session manager.
        self.send_presence()
        device, _ = await self.manager.get_own_device_information()
        out({'event': 'ready', 'device': device.device_id})
        asyncio.ensure_future(self.read_commands())

    async def on_message(self, msg: Any) -> None:
        encrypted = msg.xml.find(f'{{{NS}}}encrypted')
        if encrypted is None or self.manager is None:
            return
        sender = msg['from'].bare
        try:
            message = await oldmemo.etree.parse_message(encrypted, sender, self.boundjid.bare, self.manager)
            plaintext, device, _ = await self.manager.decrypt(message)
            out({'event': 'received', 'from': sender, 'device': device.device_id, 'body': plaintext.decode() if plaintext else None})
        except Exception as error:  # reported to the test, which decides
            out({'event': 'error', 'from': sender, 'error': f'{type(error).__name__}: {error}'})

    async def read_commands(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line or json.loads(line).get('quit'):
                self.disconnect()
                return
            command = json.loads(line)['send']
            assert self.manager is not None
            # This peer does not subscribe to device list notifications: it looks the lists up before each message.
            for jid in {command['to'], self.boundjid.bare}:
                await self.manager.refresh_device_list(NS, jid)
            messages, errors = await self.manager.encrypt(frozenset([command['to']]), {NS: command['body'].encode()})
            for message in messages:
                stanza = self.make_message(mto=command['to'], mtype='chat', mbody='[This message is OMEMO encrypted]')
                stanza.append(oldmemo.etree.serialize_message(message))
                stanza.append(ET.Element('{urn:xmpp:hints}store'))
                stanza.send()
            out({'event': 'sent', 'to': command['to'], 'errors': [str(e) for e in errors]})


def main() -> None:
    host, port, jid, password, storage = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    peer = Peer(jid, password, storage)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    peer.ssl_context = context
    peer.connect((host, port))
    peer.add_event_handler('disconnected', lambda _e: peer.loop.stop())
    peer.loop.run_forever()


if __name__ == '__main__':
    main()
