import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../gate/gateSettings.ts';

/** Threshold multipliers around the default: looser gates skip more, tighter ones keep quality. */
const THRESHOLD_SCALES = [0.5, 0.75, 1, 1.5, 2];
/** Skip-cap multipliers: the cap bounds how stale a mask may get on a still scene. */
const CAP_SCALES = [0.5, 1, 2];
/** Scene-cut sensitivity around the default, at the default thresholds and cap. */
const SCENE_CUT_SCALES = [0.6, 1.6];

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The default sweep grid, derived from `base` (DEFAULT_GATE_SETTINGS) so it follows the defaults when they change:
 * 5 threshold levels x 3 skip caps = 15 points, plus 2 scene-cut variants = 17. The static and motion thresholds
 * move together (keeping the default's band width), and the static-tier refresh scales with the cap, since a
 * refresh shorter than the cap would hide the cap's effect.
 */
export function defaultGrid(base: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS): GateSettings[] {
  const grid: GateSettings[] = [];
  for (const cap of CAP_SCALES) {
    for (const t of THRESHOLD_SCALES) {
      grid.push({
        ...base,
        staticThreshold: round2(base.staticThreshold * t),
        motionThreshold: round2(base.motionThreshold * t),
        maxSkipFrames: Math.max(1, Math.round(base.maxSkipFrames * cap)),
        refreshFrames: Math.round(base.refreshFrames * cap),
      });
    }
  }
  for (const s of SCENE_CUT_SCALES) {
    grid.push({ ...base, sceneCutThreshold: round2(base.sceneCutThreshold * s) });
  }
  return grid;
}
