import type { GateReason } from '../frameEvent';
import type { GateDecision, GateInput, GatePolicy } from './GatePolicy';

/**
 * Fixed policies for the bench: infer every Nth frame whatever the scene (what existing plugins offer);
 * N = 1 is 'every-frame'. Counted from the last inference actually started, so a busy frame delays the
 * schedule instead of silently dropping an inference.
 */
export class StridePolicy implements GatePolicy {
  readonly name: string;
  readonly needsMotion = false;
  private lastInferred = -1;
  private readonly runReason: GateReason;
  private readonly skipReason: GateReason;
  private readonly decision: GateDecision = { run: true, reason: 'first-frame', tier: null };

  constructor(readonly stride: number) {
    if (!Number.isInteger(stride) || stride < 1)
      throw new RangeError(`stride must be an integer >= 1, got ${stride}`);
    this.name = stride === 1 ? 'every-frame' : `stride:${stride}`;
    this.runReason = stride === 1 ? 'every-frame' : 'stride';
    this.skipReason = 'stride-skip';
  }

  decide(input: GateInput): GateDecision {
    const d = this.decision;
    if (this.lastInferred < 0) {
      d.run = true;
      d.reason = 'first-frame';
    } else {
      d.run = input.frame - this.lastInferred >= this.stride;
      d.reason = d.run ? this.runReason : this.skipReason;
    }
    return d;
  }

  noteInference(frame: number): void {
    this.lastInferred = frame;
  }

  reset(): void {
    this.lastInferred = -1;
  }
}
