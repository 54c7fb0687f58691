import type { Segmenter, SegmentResult } from './segmenterTypes';

/** A model failure to rehearse: every call throws, or every call never settles. */
export type ModelFault = 'throw' | 'hang';

/**
 * Test facade only (`window.segmeter.injectModelFault`): wraps the real segmenter so its calls fail the way a broken
 * model file, a crashed GPU process or a deadlocked worker would, to prove the pipeline steps aside, says so and
 * recovers. Nothing in the app creates one.
 */
export class FaultySegmenter implements Segmenter {
  constructor(
    readonly inner: Segmenter,
    private readonly fault: ModelFault,
  ) {}

  get info() {
    return this.inner.info;
  }

  segment(frame: ImageBitmap): Promise<SegmentResult> {
    frame.close();
    if (this.fault === 'hang') return new Promise(() => undefined);
    return Promise.reject(new Error('injected model fault: the model threw'));
  }

  numTensors(): Promise<number | null> {
    return this.inner.numTensors();
  }

  modelCalls(): Promise<number> {
    return this.inner.modelCalls();
  }

  loseContext(): Promise<boolean> {
    return this.inner.loseContext();
  }

  dispose(): void {
    this.inner.dispose();
  }
}
