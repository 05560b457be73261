import { describe, expect, it } from 'vitest';
import { type SilentContext, warmAudioWhenIdle } from './warmAudio.ts';

function fakeContext(resume: () => Promise<void> = () => Promise.resolve()): SilentContext & { steps: string[] } {
  const steps: string[] = [];
  return {
    steps,
    resume: () => {
      steps.push('resume');
      return resume();
    },
    close: () => {
      steps.push('close');
      return Promise.resolve();
    },
  };
}

describe('warming the audio stack', () => {
  it('waits for the idle callback, then starts a context and closes it', async () => {
    const context = fakeContext();
    let idleRun: (() => void) | undefined;
    const done = warmAudioWhenIdle(
      () => context,
      (run) => {
        idleRun = run;
      },
    );
    expect(context.steps).toEqual([]);
    idleRun?.();
    expect(await done).toBe(true);
    expect(context.steps).toEqual(['resume', 'close']);
  });

  it('closes a context that would not start, and says so', async () => {
    const context = fakeContext(() => Promise.reject(new Error('NotAllowedError')));
    expect(
      await warmAudioWhenIdle(
        () => context,
        (run) => run(),
      ),
    ).toBe(false);
    expect(context.steps).toEqual(['resume', 'close']);
  });

  it('closes a context whose start waits for a gesture that never comes', async () => {
    const context = fakeContext(() => new Promise<void>(() => undefined));
    expect(
      await warmAudioWhenIdle(
        () => context,
        (run) => run(),
        20,
      ),
    ).toBe(false);
    expect(context.steps).toEqual(['resume', 'close']);
  });

  it('does nothing where there is no audio, and never throws', async () => {
    expect(
      await warmAudioWhenIdle(
        () => undefined,
        (run) => run(),
      ),
    ).toBe(false);
    expect(
      await warmAudioWhenIdle(
        () => {
          throw new Error('no audio device');
        },
        (run) => run(),
      ),
    ).toBe(false);
  });
});
