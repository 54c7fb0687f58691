import type { FrameSource } from '../source/frameSources';
import type { FramePipeline } from './FramePipeline';

/**
 * Drives the pipeline at the source's own frame rate (requestVideoFrameCallback), whatever the model's speed. One
 * frame at a time: a frame that arrives while the previous one is still being read, gated or composited is dropped
 * (and counted in the stage timings), so a slow compositor never builds a backlog of frames. While a replay, bench
 * or sweep steps the pipeline itself, `paused` keeps live frames out.
 */
export class LiveDriver {
  source: FrameSource | null = null;
  /** True while something else drives the pipeline (a frame-stepped replay). */
  paused = false;
  private callbackId = 0;
  private running = false;
  /** A frame is in the pipeline and not yet composited. */
  private stepping = false;

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
    if (this.stepping) {
      this.pipeline.timings.dropped++;
      return;
    }
    this.stepping = true;
    void this.pipeline.step(source, mediaTime).finally(() => {
      this.stepping = false;
    });
  }
}
