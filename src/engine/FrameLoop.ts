import type { FrameEventStore } from '../core/FrameEventStore';
import type { FrameEvent, GateReason, SegmentationMode } from '../core/frameEvent';
import { Compositor, type CompositorSettings } from './Compositor';
import type { FrameSource } from './frameSources';
import { MaskCache } from './MaskCache';
import type { Segmenter } from './segmenterTypes';

/** What the loop asks the gate on each frame; the gate decides, the loop measures. */
export interface GateInput {
  frame: number;
  /** Motion score against the frame of the last inference, 0..255; null when the policy needs none. */
  motion: number | null;
}

export interface FrameGate {
  decide(input: GateInput): { run: boolean; reason: GateReason };
  /** Called only when an inference actually starts (not when the gate said run but one was in flight). */
  noteInference(frame: number): void;
  reset(): void;
}

/** Runs the model on every frame: the baseline every other policy is measured against. */
export class EveryFrameGate implements FrameGate {
  private started = false;
  decide(): { run: boolean; reason: GateReason } {
    return { run: true, reason: this.started ? 'every-frame' : 'first-frame' };
  }
  noteInference(): void {
    this.started = true;
  }
  reset(): void {
    this.started = false;
  }
}

/** Keeps the last N samples of a timing for p50s, without growing. */
class RecentTimes {
  private readonly values: number[] = [];
  constructor(private readonly size = 300) {}
  push(v: number): void {
    this.values.push(v);
    if (this.values.length > this.size) this.values.shift();
  }
  get all(): readonly number[] {
    return this.values;
  }
}

/**
 * The one flow: source frame -> gate -> segmenter (at most one inference in flight) -> mask cache -> compositor.
 * Display is driven by requestVideoFrameCallback, so it runs at the source frame rate whatever the model's speed;
 * every frame ends as one FrameEvent in the store.
 */
export class FrameLoop {
  readonly cache = new MaskCache();
  readonly composeMs = new RecentTimes();
  source: FrameSource | null = null;
  segmenter: Segmenter | null = null;
  gate: FrameGate = new EveryFrameGate();
  mode: SegmentationMode = 'full';
  /** When false no frame is sent to the model (the effect is off, the tab hidden, the feature paused). */
  inferenceEnabled = true;
  private readonly compositor: Compositor;
  private frame = 0;
  private inFlight = false;
  private callbackId = 0;
  private running = false;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly store: FrameEventStore,
    private readonly sessionId: string,
    public settings: CompositorSettings,
  ) {
    this.compositor = new Compositor(canvas);
  }

  /** Switches to a new source (already opened and playing) and stops the previous one. */
  setSource(source: FrameSource): void {
    const previous = this.source;
    if (previous) previous.video.cancelVideoFrameCallback(this.callbackId);
    this.source = source;
    previous?.stop();
    this.gate.reset();
    this.cache.clear();
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
      this.onFrame(source, meta.mediaTime);
      this.schedule();
    });
  }

  private onFrame(source: FrameSource, mediaTime: number): void {
    const frame = this.frame++;
    const base = {
      ts: Date.now(),
      mediaTime,
      sessionId: this.sessionId,
      frame,
      source: source.kind,
      model: this.segmenter?.info.modelId ?? 'none',
      runtime: this.segmenter?.info.runtime ?? 'tfjs',
      backend: this.segmenter?.info.backend ?? 'wasm',
      motion: null,
      mode: this.mode,
    } satisfies Partial<FrameEvent>;

    let reason: GateReason;
    let run = false;
    if (!this.inferenceEnabled || this.settings.effect === 'off') {
      reason = 'effect-off';
    } else {
      const decision = this.gate.decide({ frame, motion: null });
      reason = decision.reason;
      run = decision.run;
      if (run && (this.inFlight || !this.segmenter)) {
        run = false;
        reason = 'busy';
      }
    }

    if (run && this.segmenter) {
      this.gate.noteInference(frame);
      this.infer(source, this.segmenter, frame, { ...base, reason });
    } else {
      this.store.append({ ...base, ran: false, reason, latencyMs: null, modelMs: null });
    }
    this.composeMs.push(this.compositor.render(source.video, this.cache, this.settings));
  }

  private infer(
    source: FrameSource,
    segmenter: Segmenter,
    frame: number,
    base: Omit<FrameEvent, 'ran' | 'latencyMs' | 'modelMs'>,
  ): void {
    this.inFlight = true;
    const start = performance.now();
    const video = source.video;
    const width = 256;
    const height = Math.round((width * video.videoHeight) / video.videoWidth);
    createImageBitmap(video, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' })
      .then((bitmap) => segmenter.segment(bitmap))
      .then(({ mask, modelMs }) => {
        if (this.source === source) this.cache.put(mask, frame);
        this.store.append({ ...base, ran: true, latencyMs: performance.now() - start, modelMs });
      })
      .catch((err: Error) => {
        this.store.append({ ...base, ran: true, latencyMs: null, modelMs: null, error: err.message });
      })
      .finally(() => {
        this.inFlight = false;
      });
  }
}
