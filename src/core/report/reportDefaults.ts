import { DEFAULT_SOURCE_FPS } from '../fold/sourceFps';
import type { ScenarioInput } from '../pricing/scenarioSchema.ts';

/**
 * The report's default providers: a per-image API, a per-minute video API, a per-16-frames API, serverless GPU
 * seconds and a self-hosted T4 by the hour, so each billing model is on the page once.
 */
export const REPORT_DEFAULT_PROVIDERS: readonly string[] = [
  'aws-rekognition-image-group2',
  'gcp-vision-object-localization',
  'aws-rekognition-video-stored',
  'fal-sam3-video',
  'replicate-gpu-t4',
  'aws-ec2-g4dn-xlarge',
];

/** The article's scenario (100 users x 10 s a day x 30 fps x 30 days) with the default providers. */
export const REPORT_DEFAULT_SCENARIO: ScenarioInput = {
  users: 100,
  secondsPerUserPerDay: 10,
  sessionsPerUserPerDay: 1,
  fps: DEFAULT_SOURCE_FPS,
  days: 30,
  inferenceRatio: 1,
  peakConcurrentStreams: 2,
  frameBytes: 50000,
  redundancy: 0,
  providers: [...REPORT_DEFAULT_PROVIDERS],
};
