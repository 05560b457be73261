-- Test-only: a Prosody that offers XEP-0431 full-text search in its message archive, as servers with
-- an SQL archive do, by a plain case-insensitive substring match over the stored bodies. Queries
-- without the full-text field are left to mod_mam.
local st = require "util.stanza";
local datetime = require "util.datetime";
local uuid = require "util.uuid";

local xmlns_mam = "urn:xmpp:mam:2";
local xmlns_rsm = "http://jabber.org/protocol/rsm";
local xmlns_data = "jabber:x:data";
local xmlns_forward = "urn:xmpp:forward:0";
local xmlns_delay = "urn:xmpp:delay";
local fulltext_var = "{urn:xmpp:fulltext:0}fulltext";

local archive = module:open_store("archive", "archive");

local function field_value(form, var)
	for field in form:childtags("field") do
		if field.attr.var == var then return field:get_child_text("value"); end
	end
end

module:hook("iq-get/self/" .. xmlns_mam .. ":query", function(event)
	local form = st.stanza("x", { xmlns = xmlns_data, type = "form" })
		:tag("field", { var = "FORM_TYPE", type = "hidden" }):text_tag("value", xmlns_mam):up()
		:tag("field", { var = "with", type = "jid-single" }):up()
		:tag("field", { var = "start", type = "text-single" }):up()
		:tag("field", { var = "end", type = "text-single" }):up()
		:tag("field", { var = fulltext_var, type = "text-single" }):up();
	event.origin.send(st.reply(event.stanza):query(xmlns_mam):add_child(form));
	return true;
end, 10);

module:hook("iq-set/self/" .. xmlns_mam .. ":query", function(event)
	local origin, stanza = event.origin, event.stanza;
	local query = stanza.tags[1];
	local form = query:get_child("x", xmlns_data);
	local needle = form and field_value(form, fulltext_var);
	if not needle or needle == "" then return; end
	needle = needle:lower();
	local with = form and field_value(form, "with");
	local set = query:get_child("set", xmlns_rsm);
	local max = tonumber(set and set:get_child_text("max")) or 50;
	local before = set and set:get_child_text("before");
	local items, err = archive:find(origin.username, {
		with = with; reverse = true; before = (before ~= "" and before or nil);
	});
	if not items then
		origin.send(st.error_reply(stanza, "cancel", "internal-server-error", err));
		return true;
	end
	local found, complete = {}, true;
	for id, item, when in items do
		if not st.is_stanza(item) then item = st.deserialize(item); end
		item.attr.xmlns = "jabber:client";
		local body = item:get_child_text("body");
		if body and body:lower():find(needle, 1, true) then
			if #found == max then complete = false; break; end
			table.insert(found, 1, { id = id, item = item, when = when });
		end
	end
	local queryid = query.attr.queryid;
	for _, hit in ipairs(found) do
		origin.send(st.message({ to = origin.full_jid, id = uuid.generate() })
			:tag("result", { xmlns = xmlns_mam, queryid = queryid, id = hit.id })
			:tag("forwarded", { xmlns = xmlns_forward })
			:tag("delay", { xmlns = xmlns_delay, stamp = datetime.datetime(hit.when) }):up()
			:add_child(hit.item));
	end
	local fin = st.reply(stanza):tag("fin", { xmlns = xmlns_mam, complete = complete and "true" or nil })
		:tag("set", { xmlns = xmlns_rsm });
	if #found > 0 then
		fin:text_tag("first", found[1].id):text_tag("last", found[#found].id);
	end
	origin.send(fin);
	return true;
end, 10);
