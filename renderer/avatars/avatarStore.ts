// Which picture each address shows (by hash) and the pictures themselves as data: URLs, loaded once per
// hash from the engine's cache. Apart from the app state: a new avatar repaints only the avatars.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { AvatarRef } from '../../shared/model/avatar.ts';
import { call } from '../ipc/client.ts';

interface AvatarState {
  hashes: Record<string, string>;
  urls: Record<string, string>;
}

export const useAvatarStore = create<AvatarState>()(() => ({ hashes: {}, urls: {} }));
const loading = new Set<string>();

function load(hash: string): void {
  if (loading.has(hash) || useAvatarStore.getState().urls[hash]) return;
  loading.add(hash);
  call('avatar.get', { hash })
    .then((image) => {
      if (image)
        useAvatarStore.setState((s) => ({
          urls: { ...s.urls, [hash]: `data:${image.type};base64,${image.base64}` },
        }));
    })
    .catch(() => undefined)
    .finally(() => loading.delete(hash));
}

export function avatarChanged(jid: string, hash: string | undefined): void {
  useAvatarStore.setState((s) => {
    const hashes = { ...s.hashes };
    if (hash) hashes[jid] = hash;
    else delete hashes[jid];
    return { hashes };
  });
  if (hash) load(hash);
}

export async function loadAvatars(account: AccountId): Promise<void> {
  const refs: AvatarRef[] = await call('avatar.list', { account });
  useAvatarStore.setState((s) => ({
    hashes: { ...s.hashes, ...Object.fromEntries(refs.map((r) => [r.jid, r.hash])) },
  }));
  for (const ref of refs) load(ref.hash);
}

/** A room occupant's own picture (XEP-0153 hash in its room presence), fetched when first shown. */
export interface OccupantPicture {
  account: AccountId;
  room: BareJid;
  nick: string;
  hash: string;
}

const asked = new Set<string>();
function loadOccupant({ account, room, nick, hash }: OccupantPicture): void {
  if (asked.has(hash) || useAvatarStore.getState().urls[hash]) return;
  asked.add(hash);
  call('avatar.occupant', { account, room, nick })
    .then((image) => {
      if (image)
        useAvatarStore.setState((s) => ({ urls: { ...s.urls, [hash]: `data:${image.type};base64,${image.base64}` } }));
    })
    .catch(() => undefined);
}

/** The picture an address shows, once loaded; else the occupant's own, asked for while it is shown. */
export function useAvatarUrl(jid: string, occupant?: OccupantPicture): string | undefined {
  const url = useAvatarStore((s) => {
    const hash = s.hashes[jid];
    return (hash ? s.urls[hash] : undefined) ?? (occupant ? s.urls[occupant.hash] : undefined);
  });
  const wanted = url ? undefined : occupant;
  useEffect(() => {
    if (wanted) loadOccupant(wanted);
  }, [wanted]);
  return url;
}
