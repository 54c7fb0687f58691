import type { CloudProfile } from '../../core/guard/cloudOutcome';
import type { NoticeBody } from '../../core/notice';
import type { InferenceRunner } from '../segmenter/InferenceRunner';
import { SimulatedCloudSegmenter } from '../segmenter/SimulatedCloudSegmenter';
import type { Segmenter } from '../segmenter/segmenterTypes';
import type { SessionSnapshot } from './sessionSnapshot';

/**
 * Which segmenter the pipeline's runner calls: the on-device one, or the simulated cloud wrapped around it. A newly
 * loaded model replaces the old one (disposed) and keeps the cloud setting.
 */
export class SegmenterSlot {
  private cloudProfile: CloudProfile | null = null;

  constructor(
    private readonly runner: InferenceRunner,
    private readonly notify: (level: 'info' | 'warning', notice: NoticeBody) => void,
  ) {}

  /** The on-device segmenter, past the simulated cloud if it is on. */
  get inner(): Segmenter | null {
    const current = this.runner.segmenter;
    return current instanceof SimulatedCloudSegmenter ? current.inner : current;
  }

  install(segmenter: Segmenter): void {
    const previous = this.inner;
    this.runner.segmenter = segmenter;
    this.runner.reset();
    if (this.cloudProfile) this.setCloud(this.cloudProfile);
    previous?.dispose();
  }

  /**
   * "Cloud (simulated)": every inference goes through an in-page stand-in with this latency, jitter and failure
   * profile (the local model provides the mask). Null goes back to on-device.
   */
  setCloud(profile: CloudProfile | null): void {
    const inner = this.inner;
    this.cloudProfile = profile;
    if (!inner) return;
    this.runner.segmenter = profile
      ? new SimulatedCloudSegmenter(inner, {
          profile,
          onDegradation: (reason) =>
            reason
              ? this.notify('warning', { code: 'cloud-degraded', params: { reason } })
              : this.notify('info', { code: 'cloud-recovered', params: {} }),
        })
      : inner;
  }

  summary(): SessionSnapshot['cloud'] {
    const cloud = this.runner.segmenter;
    if (!(cloud instanceof SimulatedCloudSegmenter) || !this.cloudProfile) return null;
    return {
      profile: this.cloudProfile,
      degraded: cloud.degraded,
      reason: cloud.degradedReason,
      ...cloud.stats,
    };
  }

  dispose(): void {
    this.runner.segmenter?.dispose();
  }
}
