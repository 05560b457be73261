// What the client supports, one line per module, in the order they are set up (and run when online).
import { blocking } from '../modules/blocking/blocking.ts';
import { carbons } from '../modules/carbons/carbons.ts';
import { setupChat } from '../modules/chat/chat.ts';
import { csi } from '../modules/csi/csi.ts';
import { setupEdits } from '../modules/edits/edits.ts';
import { mam } from '../modules/mam/mam.ts';
import { markers } from '../modules/markers/markers.ts';
import { mds } from '../modules/mds/mds.ts';
import { muc, type MucApi } from '../modules/muc/muc.ts';
import { omemo } from '../modules/omemo/omemo.ts';
import { setupOpenPgp } from '../modules/openpgp/openpgp.ts';
import { routeEncryption } from '../modules/e2e/encryptionRouter.ts';
import { mucAdmin } from '../modules/muc/mucAdmin.ts';
import { roomMembers } from '../modules/muc/mucSend.ts';
import { setupBookmarks } from '../modules/muc/bookmarks.ts';
import { ping } from '../modules/ping/ping.ts';
import { setupGateways } from '../modules/gateways/gateways.ts';
import { setupAvatars } from '../modules/avatars/avatars.ts';
import { setupProfile } from '../modules/profile/profile.ts';
import { setupCaps } from '../modules/caps/caps.ts';
import { setupCalls } from '../modules/calls/calls.ts';
import { setupEntityInfo } from '../modules/entityInfo/entityInfo.ts';
import type { AvatarCache } from '../files/avatarCache.ts';
import { setupLastActivity } from '../modules/lastActivity/lastActivity.ts';
import { presence } from '../modules/presence/presence.ts';
import { roster } from '../modules/roster/roster.ts';
import { upload } from '../modules/upload/upload.ts';
import type { ModuleContext } from '../xmpp/module.ts';

export function setupModules({ avatarCache, ...base }: ModuleContext & { avatarCache: AvatarCache }) {
  const omemoModule = omemo.setup(base); // XEP-0384 (legacy)
  const openpgpModule = setupOpenPgp(base); // XEP-0373, XEP-0374
  // One encryption state per chat: the message paths below encrypt and decrypt through it.
  const e2e = routeEncryption(base.account, base.store, omemoModule, openpgpModule, base.log);
  const beforePresence: ModuleContext = { ...base, e2e };
  const rosterModule = roster.setup(beforePresence); // RFC 6121 §2
  const presenceModule = presence.setup(beforePresence); // RFC 6121 §3-4
  const ctx: ModuleContext = { ...beforePresence, ownPresence: presenceModule };
  openpgpModule.attachPresence(presenceModule); // XEP-0027 signed presence, when the user asks for it
  /** Set just below: the chat module asks it for occupants' real JIDs once messages come. */
  let rooms: MucApi | undefined;
  const modules = {
    roster: rosterModule,
    presence: presenceModule,
    chat: setupChat(ctx, (room, nick) => rooms?.occupantJid(room, nick)), // RFC 6121 §5, XEP-0359
    carbons: carbons.setup(ctx), // XEP-0280
    mam: mam.setup(ctx), // XEP-0313 (after presence: offline messages come first)
    markers: markers.setup(ctx), // XEP-0184, XEP-0333, XEP-0085
    mds: mds.setup(ctx), // XEP-0490
    muc: (rooms = muc.setup(ctx)), // XEP-0045, XEP-0410, MUC MAM
    mucAdmin: mucAdmin.setup(ctx), // XEP-0045 §8-10, XEP-0249
    blocking: blocking.setup(ctx), // XEP-0191
    csi: csi.setup(ctx), // XEP-0352
    ping: ping.setup(ctx), // XEP-0199
    upload: upload.setup(ctx), // XEP-0363
    omemo: omemoModule,
    openpgp: openpgpModule,
    encryption: e2e,
  };
  const all = {
    ...modules,
    // XEP-0308, XEP-0424: an edit of an encrypted room message is sealed for the room's members.
    edits: setupEdits(ctx, (m) =>
      m.groupchat ? roomMembers(ctx.xmpp, m.peer, modules.muc.occupants(m.peer)) : Promise.resolve([m.peer]),
    ),
    lastActivity: setupLastActivity(ctx, () => modules.presence.idleSince()), // XEP-0012
    gateways: setupGateways(ctx, { roster: modules.roster, presence: modules.presence }), // XEP-0100, XEP-0144
    avatars: setupAvatars(ctx, { cache: avatarCache, presence: modules.presence }), // XEP-0084, XEP-0153, XEP-0486
    profile: setupProfile(ctx), // XEP-0292, XEP-0172
    caps: setupCaps(ctx), // XEP-0115 (contacts' capabilities, verified)
    calls: setupCalls(ctx), // XEP-0353, XEP-0166/0167/0176/0320/0338, XEP-0215
    // XEP-0092, XEP-0202, and whether XEP-0012 is answered (after lastActivity: it owns that feature now)
    entityInfo: setupEntityInfo(ctx, { presence: modules.presence }),
    bookmarks: setupBookmarks(ctx, (room, nick, password) => modules.muc.join(room, nick, password)),
  }; // XEP-0402
  return {
    ...all,
    dispose: () => {
      for (const m of Object.values(all).reverse()) m.dispose();
    },
  };
}
export type Modules = ReturnType<typeof setupModules>;
