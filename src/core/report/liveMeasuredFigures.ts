import type { MeasuredFigures } from './measuredFigures.ts';

/** A live session has "run long enough" for the report once it has shown this many frames (10 s at 30 fps). */
export const LIVE_MIN_FRAMES = 300;

export interface LiveTotals {
  frames: number;
  inferences: number;
  /** What played, e.g. "Sample clip". */
  sourceLabel: string | null;
  /** The gate's policy, e.g. "adaptive". */
  policy: string;
  modelMsP50: number | null;
}

/** The live session's figures for the report: the ratio it ran at and its median model time (no IoU measured live). */
export function liveMeasuredFigures(t: LiveTotals): MeasuredFigures | null {
  if (t.frames === 0) return null;
  return {
    source: 'live',
    label: `${t.sourceLabel ?? 'live session'} (${t.policy})`,
    policy: t.policy,
    frames: t.frames,
    skipRatio: 1 - t.inferences / t.frames,
    iouMean: null,
    iouP05: null,
    modelMsP50: t.modelMsP50,
  };
}

/**
 * What a report opens on when its link names no figures: the live session's when it has run long enough (and a
 * scenario was not given without figures, which means "as entered"), otherwise the bundled sample's bench.
 */
export function initialFigures(live: MeasuredFigures | null, bundled: MeasuredFigures): MeasuredFigures {
  return live && (live.frames ?? 0) >= LIVE_MIN_FRAMES ? live : bundled;
}
