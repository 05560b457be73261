// What the client supports, one line per module, in the order they are set up (and run when online).
import { carbons } from '../modules/carbons/carbons.ts';
import { chat } from '../modules/chat/chat.ts';
import { mam } from '../modules/mam/mam.ts';
import { ping } from '../modules/ping/ping.ts';
import { presence } from '../modules/presence/presence.ts';
import { roster } from '../modules/roster/roster.ts';
import type { ModuleContext } from '../xmpp/module.ts';

export function setupModules(ctx: ModuleContext) {
  const modules = {
    roster: roster.setup(ctx),       // RFC 6121 §2
    presence: presence.setup(ctx),   // RFC 6121 §3-4
    chat: chat.setup(ctx),           // RFC 6121 §5, XEP-0359
    carbons: carbons.setup(ctx),     // XEP-0280
    mam: mam.setup(ctx),             // XEP-0313 (after presence: offline messages come first)
    ping: ping.setup(ctx),           // XEP-0199
  };
  return { ...modules, dispose: () => { for (const m of Object.values(modules).reverse()) m.dispose(); } };
}
export type Modules = ReturnType<typeof setupModules>;
