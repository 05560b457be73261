-- Test-only: rooms whose name starts with "restricted-" advertise XEP-0444 reaction restrictions
-- (one reaction per person, from a short list) in their disco#info, as some services do.
local st = require "util.stanza";
local jid_split = require "util.jid".split;

module:hook("muc-disco#info", function(event)
	local node = jid_split(event.room.jid);
	if not node or node:sub(1, #"restricted-") ~= "restricted-" then return; end
	event.reply:tag("x", { xmlns = "jabber:x:data", type = "result" })
		:tag("field", { var = "FORM_TYPE", type = "hidden" }):text_tag("value", "urn:xmpp:reactions:0:restrictions"):up()
		:tag("field", { var = "max_reactions_per_user" }):text_tag("value", "1"):up()
		:tag("field", { var = "allowlist", type = "list-multi" })
			:text_tag("value", "👍"):text_tag("value", "❤️"):up()
		:up();
end);
