// What a link in a message shows: its real target. Credentials before an "@" (https://bank.com@evil.example)
// are dropped so the real host shows, a host that mixes scripts or is spelled in look-alike letters shows
// in punycode (xn--…), and invisible or bidi-control characters never reach the label.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

// Cyrillic and Greek letters that pass for Latin ones.
const LOOKALIKES = new Set([...'аеорсхуіјѕһԁӏԛԝѡүкмнтвАЕОРСХУІЈЅНКМТВαορτυνκιΑΒΕΖΗΙΚΜΝΟΡΤΥΧ']);
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/** A host label is deceptive when it mixes Latin, Cyrillic and Greek, or is made only of look-alike letters. */
export function deceptiveLabel(label: string): boolean {
  const letters = [...label].filter((c) => /\p{L}/u.test(c));
  const scripts = SCRIPTS.filter((script) => letters.some((c) => script.test(c))).length;
  if (scripts > 1) return true;
  const nonAscii = letters.filter((c) => c.charCodeAt(0) > 0x7f);
  return nonAscii.length > 0 && nonAscii.length === letters.length && letters.every((c) => LOOKALIKES.has(c));
}

const WEB = /^(https?:\/\/)(?:[^/?#]*@)?(\[[^\]]*\]|[^/?#:]*)(.*)$/isu;

export function linkLabel(raw: string, href: string): string {
  const text = raw.replace(INVISIBLE, '');
  const web = WEB.exec(text);
  if (!web) return text;
  const [, scheme = '', host = '', rest = ''] = web;
  let punycode = host;
  try {
    punycode = new URL(href).hostname;
  } catch {
    // findLinks only passes parsed URLs; keep the text
  }
  const shown = host.split('.').some(deceptiveLabel) ? punycode : host;
  return `${scheme}${shown}${rest}`;
}
