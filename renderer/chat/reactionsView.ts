// Reactions under a message, grouped by emoji in the order they first appeared, with who reacted.
import type { ReactionRules } from '../../shared/model/muc.ts';
import type { MessageReaction } from '../../shared/model/message.ts';

export interface ReactionGroup {
  emoji: string;
  count: number;
  names: string[];
  mine: boolean;
}

export function groupReactions(reactions: readonly MessageReaction[] | undefined): ReactionGroup[] {
  const groups = new Map<string, ReactionGroup>();
  for (const reaction of reactions ?? [])
    for (const emoji of reaction.emojis) {
      const group = groups.get(emoji) ?? { emoji, count: 0, names: [], mine: false };
      group.count++;
      if (reaction.own) group.mine = true;
      else group.names.push(reaction.name);
      groups.set(emoji, group);
    }
  return [...groups.values()];
}

/** Our new set after clicking an emoji: taken away if we had it, added otherwise. */
export function toggleOwn(reactions: readonly MessageReaction[] | undefined, emoji: string): string[] {
  const own = reactions?.find((r) => r.own)?.emojis ?? [];
  return own.includes(emoji) ? own.filter((e) => e !== emoji) : [...own, emoji];
}

export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

/** The emoji offered at once: a room's allowlist when it has one (then that is all there is), else ours. */
export function reactionChoices(rules: ReactionRules | undefined): readonly string[] {
  return rules?.allowlist ?? QUICK_REACTIONS;
}

/** Over a room's per-person limit, the newest choices win (with a limit of one, a new emoji replaces the old). */
export function withinRules(rules: ReactionRules | undefined, emojis: string[]): string[] {
  const max = rules?.maxPerUser;
  return max !== undefined && emojis.length > max ? emojis.slice(emojis.length - max) : emojis;
}
