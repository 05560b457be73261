// Chromium's own part of a call set-up: two bare pages of Debian's Chromium (the app's browser flags and fake
// devices) open their devices, make offer and answer and swap candidates, handed from page to page by this
// process: no XMPP, no engine, no UI. A floor for the app's set-up beside the reference peer's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/app/harness.ts';
import { serveDirectory } from '../scripts/staticServer.ts';

// Runs in each page: one RTCPeerConnection per call, its candidates kept for the other page.
const PAGE_SCRIPT = `
window.bench = {
  async open(video) {
    const pc = new RTCPeerConnection({ bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' });
    const candidates = [];
    pc.onicecandidate = (e) => { if (e.candidate) candidates.push({ candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid }); };
    const connected = new Promise((resolve) => { pc.onconnectionstatechange = () => pc.connectionState === 'connected' && resolve(); });
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video });
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    this.call = { pc, candidates, connected, stream };
  },
  async offer() { const o = await this.call.pc.createOffer(); await this.call.pc.setLocalDescription(o); return o.sdp; },
  async answer(sdp) {
    await this.call.pc.setRemoteDescription({ type: 'offer', sdp });
    const a = await this.call.pc.createAnswer(); await this.call.pc.setLocalDescription(a); return a.sdp;
  },
  async accepted(sdp) { await this.call.pc.setRemoteDescription({ type: 'answer', sdp }); },
  candidates() { return this.call.candidates.splice(0); },
  async add(list) { for (const c of list) await this.call.pc.addIceCandidate(c).catch(() => undefined); },
  connected() { return this.call.connected; },
  close() { for (const t of this.call.stream.getTracks()) t.stop(); this.call.pc.close(); },
};`;

/** Calls one of the methods a page script put on `window.bench` and returns what it gives. */
export const runInPage = <T = unknown>(page: Page, method: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([name, values]) =>
      (window as unknown as { bench: Record<string, (...v: unknown[]) => unknown> }).bench[name]?.(...values) as T,
    [method, args] as const,
  );

type Method = 'open' | 'offer' | 'answer' | 'accepted' | 'candidates' | 'add' | 'connected' | 'close';
const run = <T = unknown>(page: Page, method: Method, arg?: unknown): Promise<T> => runInPage<T>(page, method, arg);

async function oneCall(a: Page, b: Page, video: boolean): Promise<number> {
  const started = performance.now();
  await Promise.all([run(a, 'open', video), run(b, 'open', video)]);
  const offer = await run<string>(a, 'offer');
  const answer = await run<string>(b, 'answer', offer);
  await run(b, 'add', await run(a, 'candidates'));
  await run(a, 'accepted', answer);
  await run(a, 'add', await run(b, 'candidates'));
  await run(a, 'connected');
  const elapsed = performance.now() - started;
  await Promise.all([run(a, 'close'), run(b, 'close')]);
  return elapsed;
}

/** Two bare pages of the test browser (own instances, media flags) with `script` in each, closed after `use`. */
export async function withBarePages<T>(script: string, use: (pages: [Page, Page]) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'jabberdesk-chromium-pair-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>call floor</title>');
  const web = await serveDirectory(dir);
  const browsers = await Promise.all([launchChromium(true), launchChromium(true)]);
  try {
    const pages = await Promise.all(browsers.map((browser) => browser.newPage()));
    for (const page of pages) {
      await page.goto(web.url);
      await page.addScriptTag({ content: script });
    }
    return await use(pages as [Page, Page]);
  } finally {
    await Promise.all(browsers.map((browser) => browser.close()));
    web.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Set-up times of `runs` calls between two bare Chromium pages, each started once the last one is closed. */
export function chromiumPairSetups(video: boolean, runs: number): Promise<number[]> {
  return withBarePages(PAGE_SCRIPT, async ([a, b]) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await oneCall(a, b, video));
    return times;
  });
}
