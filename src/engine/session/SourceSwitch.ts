import type { NoticeBody } from '../../core/notice';
import type { LiveDriver } from '../pipeline/LiveDriver';
import { type FrameSource, openCamera, openClip, SourceError } from '../source/frameSources';

export const SAMPLE_CLIP = '/sample/motion_asl_signer_640x480.mp4';
export const SAMPLE_LABEL = 'Sample clip: ASL signer (Intel, CC BY 4.0)';

/**
 * Opens sources and hands them to the driver. A source that cannot open (camera denied or missing, a file that
 * cannot be decoded) becomes a notice and the previous source keeps playing; a lost camera falls back to the sample.
 */
export class SourceSwitch {
  constructor(
    private readonly driver: LiveDriver,
    private readonly notify: (level: 'warning' | 'error', notice: NoticeBody) => void,
  ) {}

  private async switchTo(open: () => Promise<FrameSource>): Promise<boolean> {
    try {
      this.driver.setSource(await open());
      return true;
    } catch (err) {
      if (err instanceof SourceError) this.notify('warning', err.notice);
      else this.notify('error', { code: 'source-failed', params: { error: (err as Error).message } });
      return false;
    }
  }

  playSample(): Promise<boolean> {
    return this.switchTo(() => openClip(SAMPLE_CLIP, 'sample', SAMPLE_LABEL));
  }

  /** Asks for the camera; if it is denied, missing or lost, the sample clip plays (or keeps playing). */
  async startCamera(): Promise<boolean> {
    const ok = await this.switchTo(() =>
      openCamera(() => {
        this.notify('warning', { code: 'camera-lost', params: {} });
        void this.playSample();
      }),
    );
    if (!ok && !this.driver.source) await this.playSample();
    return ok;
  }

  playFile(file: File): Promise<boolean> {
    return this.switchTo(() => openClip(URL.createObjectURL(file), 'file', file.name, true));
  }
}
