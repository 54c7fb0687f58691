import type { GatePolicy } from './GatePolicy';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from './gateSettings';
import { MotionGate } from './MotionGate';
import { StridePolicy } from './StridePolicy';
import { TargetGate } from './TargetGate';

/**
 * A policy spec as the bench and the UI name it: 'adaptive' (manual thresholds), 'target' (quality-target mode:
 * the adaptive gate with thresholds a controller scales; the engine feeds it TargetGate.noteStaleness),
 * 'every-frame' or 'stride:N'.
 */
export type GatePolicySpec = 'adaptive' | 'target' | 'every-frame' | `stride:${number}`;

/** Parses a policy spec; throws a RangeError naming the bad spec. */
export function createGatePolicy(
  spec: string,
  settings: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS,
): GatePolicy {
  if (spec === 'adaptive') return new MotionGate(settings);
  if (spec === 'target') return new TargetGate(settings);
  if (spec === 'every-frame') return new StridePolicy(1);
  const m = /^stride:(\d+)$/.exec(spec);
  if (m) {
    const n = Number(m[1]);
    if (n >= 1) return new StridePolicy(n);
  }
  throw new RangeError(
    `unknown gate policy "${spec}" (expected adaptive, target, every-frame or stride:N with N >= 1)`,
  );
}
