// The Signal library requires its own Curve25519 module, an Emscripten build that allocates a 16 MiB heap
// and compiles itself when loaded (about 35 MiB of the engine's resident memory) and installs process-wide
// handlers that abort the process, though the engine hands the library its own curve (nativeCrypto.ts)
// before any use. Ours stands in for that module before the library loads, so it is never loaded.
import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { nativeCurve } from './nativeCrypto.ts';

/** The module's one export the library constructs (its async wrapper), answered by our curve. */
class NativeCurveWrapper {
  keyPair = nativeCurve.keyPair;
  sharedSecret = nativeCurve.sharedSecret;
  sign = nativeCurve.sign;
  verify = nativeCurve.verify;
}

/**
 * Puts our curve where the library will require its curve module. Returns false when that module was
 * loaded already (by something else in this process): the library then finds it, and still gets our curve.
 */
export function standInForLibraryCurveModule(): boolean {
  const require = createRequire(import.meta.url);
  const library = dirname(require.resolve('@privacyresearch/libsignal-protocol-typescript'));
  const path = require.resolve('@privacyresearch/curve25519-typescript', { paths: [library] });
  if (require.cache[path]) return false;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = {
    AsyncCurve25519Wrapper: NativeCurveWrapper,
    Curve25519Wrapper: {
      create: () => Promise.reject(new Error("the library's own curve module is not loaded: the engine's is used")),
    },
  };
  require.cache[path] = standIn;
  return true;
}
