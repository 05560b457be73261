// DevTools are for developers: a packaged app opens them only when started with --debug or
// JABBERDESK_DEBUG=1 (a renderer with DevTools open can be driven by anyone at the keyboard).
export function devToolsAllowed(
  packaged: boolean,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return !packaged || argv.includes('--debug') || env.JABBERDESK_DEBUG === '1';
}
