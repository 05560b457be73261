// XEP-0352 Client State Indication: tell the server when nobody is looking, so it can hold back
// what is not urgent (presence floods) and save battery and bandwidth.
import type { XmppModule } from '../../xmpp/module.ts';
import { el } from '../../xmpp/stanza.ts';

export const NS_CSI = 'urn:xmpp:csi:0';

export interface CsiApi {
  setActive(active: boolean): Promise<void>;
}

export const csi: XmppModule<CsiApi> = {
  id: 'xep-0352-csi',
  setup({ xmpp, lifecycle }) {
    let active = true;
    const announce = async (): Promise<void> => {
      if (xmpp.online && xmpp.features.has(NS_CSI)) await xmpp.sendNonza(el(active ? 'active' : 'inactive', NS_CSI));
    };
    // A new session starts active on the server; only an inactive client has something to say.
    const offOnline = lifecycle.onOnline(async () => {
      if (!active) await announce();
    });
    return {
      setActive: async (next) => {
        if (next === active) return;
        active = next;
        await announce();
      },
      dispose: () => {
        offOnline();
      },
    };
  },
};
