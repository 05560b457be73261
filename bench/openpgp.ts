// OpenPGP (XEP-0374) costs: one chat message signed and encrypted to 2 keys (the contact's and ours) and
// opened again with its signature checked, by the engine's path (the <signcrypt> XML, its checks, base64)
// beside the bare openpgp.js calls on the same keys and bytes.
import { createMessage, decrypt, encrypt, readMessage } from 'openpgp';
import { decryptAndVerify, generateOwnKey, signAndEncrypt } from '../electron/core/modules/openpgp/pgpCrypto.ts';
import { buildSigncrypt, parseSigncrypt, readContent } from '../electron/core/modules/openpgp/ox.xml.ts';
import { compare, median } from './stats.ts';

export async function benchOpenPgp(quick: boolean): Promise<void> {
  const ROUNDS = quick ? 40 : 200;
  const [alice, bob] = [await generateOwnKey('alice@bench'), await generateOwnKey('bob@bench')];
  const body = 'See you at eight at the usual place; bring the notes from Tuesday.';
  const plain = new TextEncoder().encode(buildSigncrypt(['bob@bench'], new Date(), body));

  const engineSeal: number[] = [];
  const floorSeal: number[] = [];
  const sealed: string[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    const xml = buildSigncrypt(['bob@bench'], new Date(), body);
    sealed.push(
      Buffer.from(await signAndEncrypt(new TextEncoder().encode(xml), [bob.toPublic()], alice)).toString('base64'),
    );
    engineSeal.push(performance.now() - t);
    t = performance.now();
    await encrypt({
      message: await createMessage({ binary: plain }),
      encryptionKeys: [bob.toPublic(), alice.toPublic()],
      signingKeys: alice,
      format: 'binary',
    });
    floorSeal.push(performance.now() - t);
  }
  compare(`OpenPGP sign+encrypt to 2 keys (median of ${ROUNDS})`, 'ms', median(engineSeal), median(floorSeal));

  const engineOpen: number[] = [];
  const floorOpen: number[] = [];
  for (const data of sealed) {
    let t = performance.now();
    const { plain: opened, signature } = await decryptAndVerify(Buffer.from(data, 'base64'), [bob], [alice.toPublic()]);
    const content = parseSigncrypt(readContent(new TextDecoder().decode(opened)));
    if (signature.status !== 'valid' || content?.body !== body) throw new Error('bench message did not open');
    engineOpen.push(performance.now() - t);
    t = performance.now();
    const result = await decrypt({
      message: await readMessage({ binaryMessage: Buffer.from(data, 'base64') }),
      decryptionKeys: bob,
      verificationKeys: alice.toPublic(),
      format: 'binary',
    });
    await result.signatures[0]?.verified;
    floorOpen.push(performance.now() - t);
  }
  compare(`OpenPGP decrypt+verify (median of ${ROUNDS})`, 'ms', median(engineOpen), median(floorOpen));
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOpenPgp(process.argv.includes('--quick'));
