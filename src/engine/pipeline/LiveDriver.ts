import type { FrameSource } from '../source/frameSources';
import type { FramePipeline } from './FramePipeline';

/**
 * Most frames in the pipeline at once: one being read and gated while the one before it is being composited. The
 * compositor worker draws in order, so events still come out in frame order; with one frame at a time, every
 * frame whose read + gate + draw outlasted the frame interval on a busy 2-core machine cost the next frame.
 */
const MAX_IN_FLIGHT = 2;

/**
 * Drives the pipeline at the source's own frame rate (requestVideoFrameCallback), whatever the model's speed. A
 * frame is admitted only while no other frame is being read or gated (so the gate sees frames in order) and fewer
 * than MAX_IN_FLIGHT are in the pipeline; any other frame is dropped (and counted in the stage timings), so a slow
 * compositor never builds a backlog. While a replay, bench or sweep steps the pipeline itself, `paused` keeps live
 * frames out.
 */
export class LiveDriver {
  source: FrameSource | null = null;
  /** True while something else drives the pipeline (a frame-stepped replay). */
  paused = false;
  private callbackId = 0;
  private running = false;
  /** Frames in the pipeline and not yet composited. */
  private inFlight = 0;

  constructor(private readonly pipeline: FramePipeline) {}

  /** Switches to a new source (already opened and playing) and stops the previous one. */
  setSource(source: FrameSource): void {
    const previous = this.source;
    previous?.video.cancelVideoFrameCallback(this.callbackId);
    this.source = source;
    previous?.stop();
    this.pipeline.resetGate();
    if (this.running) this.schedule();
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.source?.video.cancelVideoFrameCallback(this.callbackId);
  }

  private schedule(): void {
    const source = this.source;
    if (!source) return;
    this.callbackId = source.video.requestVideoFrameCallback((_now, meta) => {
      if (this.source !== source || !this.running) return;
      if (!this.paused) this.drive(source, meta.mediaTime);
      this.schedule();
    });
  }

  private drive(source: FrameSource, mediaTime: number): void {
    if (this.pipeline.readingFrame !== null || this.inFlight >= MAX_IN_FLIGHT) {
      this.pipeline.timings.dropped++;
      return;
    }
    this.inFlight++;
    void this.pipeline.step(source, mediaTime).finally(() => {
      this.inFlight--;
    });
  }
}
