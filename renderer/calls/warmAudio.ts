// Chromium starts its audio stack (the audio service's process and an output stream) at a window's first sound.
// Left to the first call, that start lands inside the call's set-up: on a two-core machine a first call placed a
// few seconds after start took 1.3–1.9 s, and 0.8–1.4 s once a silent context had been started and closed
// beforehand. So the window does it once, when idle after start (within a second); nothing is played.

/** What is used of an AudioContext. */
export interface SilentContext {
  resume(): Promise<void>;
  close(): Promise<void>;
}

const IDLE_TIMEOUT_MS = 1000;

function browserContext(): SilentContext | undefined {
  return typeof AudioContext === 'function' ? new AudioContext() : undefined;
}

function browserIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 0);
}

/**
 * A browser that wants a gesture before sound (the web mode in a browser's default settings; Electron does not)
 * leaves `resume()` pending: the context is closed after a while all the same.
 */
const RESUME_LIMIT_MS = 3000;

async function startAndClose(make: () => SilentContext | undefined, limitMs: number): Promise<boolean> {
  let context: SilentContext | undefined;
  try {
    context = make();
  } catch {
    return false;
  }
  if (!context) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = await Promise.race([
    context.resume().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), limitMs);
    }),
  ]);
  clearTimeout(timer);
  await context.close().catch(() => undefined);
  return started;
}

/** Starts and closes a silent context once the window is idle; true once done, false where it could not be. */
export function warmAudioWhenIdle(
  make: () => SilentContext | undefined = browserContext,
  idle: (run: () => void) => void = browserIdle,
  limitMs = RESUME_LIMIT_MS,
): Promise<boolean> {
  return new Promise((resolve) => {
    idle(() => {
      void startAndClose(make, limitMs).then(resolve);
    });
  });
}
