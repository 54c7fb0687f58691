import { describe, expect, it } from 'vitest';
import type { FrameSource } from '../source/frameSources';
import type { FramePipeline } from './FramePipeline';
import { LiveDriver } from './LiveDriver';
import { StageTimings } from './StageTimings';

/** A video whose frames are presented by hand, and a pipeline whose steps finish (are composited) by hand. */
function rig() {
  let callback: ((now: number, meta: { mediaTime: number }) => void) | null = null;
  const video = {
    requestVideoFrameCallback: (cb: typeof callback) => {
      callback = cb;
      return 1;
    },
    cancelVideoFrameCallback: () => {
      callback = null;
    },
  };
  const source = { kind: 'file', label: 'clip', video, stop: () => undefined } as unknown as FrameSource;
  const steps: { mediaTime: number; compose: () => void; finish: () => void }[] = [];
  // Each step starts out reading its frame (readingFrame set) until compose() hands it to the compositor.
  const pipeline = {
    timings: new StageTimings(),
    readingFrame: null as number | null,
    resetGate: () => undefined,
    step: (_source: FrameSource, mediaTime: number) => {
      pipeline.readingFrame = steps.length;
      return new Promise<void>((resolve) =>
        steps.push({
          mediaTime,
          compose: () => {
            pipeline.readingFrame = null;
          },
          finish: resolve,
        }),
      );
    },
  };
  const driver = new LiveDriver(pipeline as unknown as FramePipeline);
  driver.setSource(source);
  driver.start();
  const present = (mediaTime: number) => callback?.(0, { mediaTime });
  return { driver, pipeline, steps, present };
}

describe('LiveDriver', () => {
  it('admits one frame being read and one being composited: frames presented meanwhile are dropped, not queued', async () => {
    const { pipeline, steps, present } = rig();
    present(0);
    present(1 / 30);
    expect(steps.map((s) => s.mediaTime)).toEqual([0]);
    steps[0].compose();
    present(2 / 30);
    expect(steps.map((s) => s.mediaTime)).toEqual([0, 2 / 30]);
    steps[1].compose();
    present(3 / 30);
    expect(steps.map((s) => s.mediaTime)).toEqual([0, 2 / 30]);
    expect(pipeline.timings.summary().droppedFrames).toBe(2);
    steps[0].finish();
    await Promise.resolve();
    await Promise.resolve();
    present(4 / 30);
    expect(steps.map((s) => s.mediaTime)).toEqual([0, 2 / 30, 4 / 30]);
    expect(pipeline.timings.dropped).toBe(2);
  });

  it('lets no live frame in while paused (a replay drives), and drops none', () => {
    const { driver, pipeline, steps, present } = rig();
    driver.paused = true;
    present(0);
    present(1 / 30);
    expect(steps).toEqual([]);
    expect(pipeline.timings.dropped).toBe(0);
  });
});
