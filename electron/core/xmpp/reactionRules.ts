// XEP-0444 §2.2: an entity (a room, a gateway) restricts reactions with a XEP-0128 form in its
// disco#info: FORM_TYPE urn:xmpp:reactions:0:restrictions, max_reactions_per_user, allowlist.
import type { ReactionRules } from '../../../shared/model/muc.ts';
import type { Element } from './stanza.ts';

const NS_REACTION_RULES = 'urn:xmpp:reactions:0:restrictions';
const MAX_ALLOWLIST = 200;

export function parseReactionRules(info: Element): ReactionRules | undefined {
  for (const form of info.getChildren('x', 'jabber:x:data')) {
    const fields = form.getChildren('field');
    const values = (name: string): string[] =>
      fields
        .find((f) => f.attrs.var === name)
        ?.getChildren('value')
        .map((v) => v.text()) ?? [];
    if (values('FORM_TYPE')[0] !== NS_REACTION_RULES) continue;
    const max = Number(values('max_reactions_per_user')[0]);
    const allow = values('allowlist')
      .map((e) => e.trim())
      .filter((e) => e.length > 0 && e.length <= 32)
      .slice(0, MAX_ALLOWLIST);
    const rules: ReactionRules = {};
    if (Number.isSafeInteger(max) && max >= 0) rules.maxPerUser = max;
    if (allow.length > 0) rules.allowlist = allow;
    return rules;
  }
  return undefined;
}
