// The app as a person uses it: the engine behind the WebSocket bridge, the built renderer served on
// loopback, and Debian's Chromium driven by playwright-core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { rendererUrl, startBridge } from '../../electron/bridge/wsServer.ts';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { serveDirectory } from '../../scripts/staticServer.ts';
import type { XmppTestServer } from '../server/xmppServer.ts';
import { endpointOf, type TestUser } from '../helpers/accounts.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export interface AppUnderTest {
  core: Core;
  page: Page;
  browser: Browser;
  /** Saves a screenshot under artifacts/screenshots (git-ignored). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Fake camera and microphone, and loopback candidates, for calls (what a person's devices would give). */
const MEDIA_ARGS = [
  // A 10 fps fake camera: video calls prove frames flow without taking the CPU the other tests need.
  '--use-fake-device-for-media-stream=fps=10',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--no-proxy-server',
  '--autoplay-policy=no-user-gesture-required',
];

export async function launchChromium(media = false): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium 156 keeps a hidden omnibox popup (a WebUI page) rendering in the background: about half a
      // core on an idle browser, taken from the engine and the page under test.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
      ...(media ? MEDIA_ARGS : []),
    ],
  });
}

/** Starts an engine (empty unless `prepare` sets it up), the bridge, the web server and a browser page on it. */
export async function startApp(
  options: {
    prepare?: (core: Core) => Promise<void>;
    viewport?: { width: number; height: number };
    archivePageLimit?: number;
    /** Runs in the page before the app (stand-ins for browser APIs a test observes). */
    initScript?: string;
    /**
     * What the left pane shows at first: the chat list (the app's default for a new user) or the contacts,
     * which the tests of roster and chat features written before the chat list start from.
     */
    sidebar?: 'chats' | 'contacts';
    /** Fake media devices for calls. */
    media?: boolean;
  } = {},
): Promise<AppUnderTest> {
  const core = new Core({
    databasePath: ':memory:',
    secrets: createMemorySecretStore(),
    backoff: { baseMs: 200, maxMs: 1500 },
    ...(options.archivePageLimit ? { archivePageLimit: options.archivePageLimit } : {}),
  });
  await options.prepare?.(core);
  const web = await serveDirectory(join(ROOT, 'dist', 'renderer'));
  const bridge = await startBridge(core, { allowedOrigins: [new URL(web.url).origin] });
  const browser = await launchChromium(options.media);
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1100, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (options.initScript) await page.addInitScript(options.initScript);
  if ((options.sidebar ?? 'contacts') === 'contacts')
    await page.addInitScript(() => {
      const key = 'jabberdesk.settings';
      if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ sidebarView: 'contacts' }));
    });
  await page.goto(rendererUrl(web.url, bridge));
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    core,
    page,
    browser,
    shot: async (name) => {
      // Fonts fetched on demand (the emoji font's ranges) are in before the picture is taken.
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    close: async () => {
      await browser.close();
      web.server.close();
      await bridge.close();
      await core.close();
      if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    },
  };
}

/** An account already set up in the engine (trusting the test server), as if logged in before. */
export async function withAccount(
  core: Core,
  server: XmppTestServer,
  user: TestUser,
  resource = 'desk',
): Promise<void> {
  await core.commands['account.add']({
    jid: user.jid,
    password: user.password,
    host: server.host,
    port: server.ports.c2s,
    resource,
  });
  await core.commands['account.trustCertificate']({
    account: user.jid,
    fingerprint: endpointOf(server).pinnedFingerprint ?? '',
  });
  await core.commands['account.connect']({ account: user.jid });
}

/** The left pane's Contacts tab (roster and rooms); the chat list is what it shows first. */
export async function showContacts(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^(Contacts|Kontakte)$/u }).click();
}
