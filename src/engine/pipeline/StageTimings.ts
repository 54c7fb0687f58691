import { median } from '../../core/fold/liveStats';

/** The last N samples of one stage's time, for its median; never grows. */
export class RecentValues {
  private readonly values: number[] = [];
  constructor(private readonly size = 300) {}
  push(v: number): void {
    this.values.push(v);
    if (this.values.length > this.size) this.values.shift();
  }
  get all(): readonly number[] {
    return this.values;
  }
  get p50(): number | null {
    return median(this.values);
  }
  clear(): void {
    this.values.length = 0;
  }
}

/**
 * Each stage's own time per frame, ms: reading the frame, the gate, moving the cached mask (warp), compositing
 * (drawing, on whichever thread draws) and what compositing cost the main thread (all of it there; posting the frame
 * with a worker compositor).
 */
export class StageTimings {
  readonly acquire = new RecentValues();
  readonly gate = new RecentValues();
  readonly warp = new RecentValues();
  readonly compose = new RecentValues();
  readonly composeMain = new RecentValues();
  /** Live frames dropped because the previous frame was not composited yet (never queued behind it). */
  dropped = 0;

  summary(): {
    acquireMsP50: number | null;
    gateMsP50: number | null;
    warpMsP50: number | null;
    composeMsP50: number | null;
    composeMainMsP50: number | null;
    droppedFrames: number;
  } {
    return {
      acquireMsP50: this.acquire.p50,
      gateMsP50: this.gate.p50,
      warpMsP50: this.warp.p50,
      composeMsP50: this.compose.p50,
      composeMainMsP50: this.composeMain.p50,
      droppedFrames: this.dropped,
    };
  }
}
