import { type FrameEvent, isSegmentedFrame } from '../frameEvent';
import type { GateSettings } from '../gate/gateSettings';

/** Shares of frames in each tier of the adaptive gate; need not sum to 1 (they are normalised). */
export interface TierMix {
  static: number;
  baseline: number;
  motion: number;
}

export interface ExpectedRate {
  /** Inferences per minute if every frame stays in the cheapest tier (scene cuts aside). */
  minPerMinute: number;
  /** Inferences per minute if every frame is in the dearest tier: every frame. */
  maxPerMinute: number;
  /** For the given mix (a share-weighted sum of the tier rates); null without a mix. */
  expectedPerMinute: number | null;
  perTier: Record<keyof TierMix, number>;
}

/**
 * The inference rate the gate settings lead one to expect at `fps`, for the metrics panel's "inferences per minute
 * against expected". Each tier infers once per period (counted in frames since the last inference, as MotionGate
 * does): static every refreshFrames (0 = never), baseline every baselineStride, motion every frame, and none may
 * wait past maxSkipFrames (period maxSkipFrames + 1). Max quality and the 'every-frame' policy infer every frame;
 * 'stride:N' every Nth. Scene cuts and first frames add a few inferences the expectation ignores; a busy model
 * (an inference still in flight) removes some. The mix-weighted sum is an approximation: switching tiers shifts
 * the phase of the periods.
 */
export function expectedInferenceRate(
  settings: Readonly<GateSettings>,
  fps: number,
  options: { policy?: string; mix?: TierMix } = {},
): ExpectedRate {
  const perMinute = (period: number) => (period > 0 && Number.isFinite(period) ? (fps * 60) / period : 0);
  const cap = settings.maxSkipFrames + 1;
  const policy = options.policy ?? 'target';
  const stride = /^stride:(\d+)$/.exec(policy);
  let periods: Record<keyof TierMix, number>;
  if (policy === 'every-frame' || ((policy === 'adaptive' || policy === 'target') && settings.maxQuality)) {
    periods = { static: 1, baseline: 1, motion: 1 };
  } else if (stride) {
    const n = Math.max(1, Number(stride[1]));
    periods = { static: n, baseline: n, motion: n };
  } else {
    periods = {
      static: Math.min(settings.refreshFrames > 0 ? settings.refreshFrames : Number.POSITIVE_INFINITY, cap),
      baseline: Math.min(settings.baselineStride, cap),
      motion: 1,
    };
  }
  const perTier = {
    static: perMinute(periods.static),
    baseline: perMinute(periods.baseline),
    motion: perMinute(periods.motion),
  };
  let expectedPerMinute: number | null = null;
  const mix = options.mix;
  if (mix) {
    const total = mix.static + mix.baseline + mix.motion;
    expectedPerMinute =
      total > 0
        ? (mix.static * perTier.static + mix.baseline * perTier.baseline + mix.motion * perTier.motion) /
          total
        : null;
  }
  return {
    minPerMinute: Math.min(perTier.static, perTier.baseline, perTier.motion),
    maxPerMinute: Math.max(perTier.static, perTier.baseline, perTier.motion),
    expectedPerMinute,
    perTier,
  };
}

/**
 * The tier mix of a stretch of frames, from the motion score each FrameEvent carries (null = unmeasured, which
 * the gate treats as motion). Frames where the effect was off do not count.
 */
export function tierMix(
  events: Iterable<Pick<FrameEvent, 'motion' | 'reason'>>,
  settings: Readonly<GateSettings>,
): TierMix {
  const mix: TierMix = { static: 0, baseline: 0, motion: 0 };
  for (const e of events) {
    if (!isSegmentedFrame({ mode: 'full', reason: e.reason })) continue;
    const m = e.motion ?? Number.POSITIVE_INFINITY;
    if (m >= settings.motionThreshold) mix.motion++;
    else if (m >= settings.staticThreshold) mix.baseline++;
    else mix.static++;
  }
  return mix;
}
