// The only entry point that Electron's main process and the WebSocket bridge import.
export { Core, type CoreOptions, UserError } from './core.ts';
export { CoreEmitter } from './events.ts';
export {
  createMemorySecretStore,
  createEncryptedSecretStore,
  createPlatformSecretStore,
  type SecretCipher,
  type SecretStore,
} from './secrets.ts';
export { dispatchCommand } from './dispatch.ts';

import { Core, type CoreOptions } from './core.ts';

export function createCore(options: CoreOptions): Core {
  return new Core(options);
}
