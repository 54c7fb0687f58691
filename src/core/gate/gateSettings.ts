import { parseJsonText } from '../pricing/parseJsonText.ts';
/**
 * Settings of the adaptive motion gate. Scores are mean absolute differences of 64x48 grey thumbnails, 0..255.
 * Every field is adjustable live; the object round-trips through JSON (export/import in the UI, --gate in bench).
 */
export interface GateSettings {
  /** Motion score vs the last INFERRED frame below which the scene is static (static tier). */
  staticThreshold: number;
  /** Motion score at or above which every frame is inferred (motion tier). Between the two: baseline tier. */
  motionThreshold: number;
  /** Baseline tier: infer when this many frames have passed since the last inference (5 = 6 inferences/s). */
  baselineStride: number;
  /** Static tier: infer when this many frames have passed since the last inference (30 = 1/s); 0 = never. */
  refreshFrames: number;
  /** Hard cap on consecutive frames showing a cached mask, whatever the tier (MAX_SKIP_FRAMES). */
  maxSkipFrames: number;
  /** Score vs the PREVIOUS frame at or above which the frame is a scene cut and is inferred at once. */
  sceneCutThreshold: number;
  /** Motion score weight of thumbnail cells at the last mask's outline (read by MotionScorer; 1 = plain). */
  edgeWeight: number;
  /** Motion score weight of cells well inside the person (read by MotionScorer; 1 = plain). */
  interiorWeight: number;
  /** Cells of margin around the outline that count as edge (read by MotionScorer). */
  edgeRadius: number;
  /** "Max quality": infer every frame, whatever the scores. */
  maxQuality: boolean;
  /**
   * Motion-compensated reuse: a skipped frame shows the last inferred mask moved by the person's shift since its
   * frame (estimated on the thumbnails), instead of the mask where it was. Motion policies only (adaptive, target).
   */
  warp: boolean;
}

/**
 * Chosen by `npx tsx scripts/gateStudy.ts` (tfjs wasm in Node, selfie general model, every-frame masks at
 * 640x480 as reference; targets mean IoU >= 0.95 and p05 >= 0.85, kept with margin 0.953 / 0.86; one setting
 * for all clips, fewest inferences summed over clips). Measured, ratio (iouMean / iouP05):
 *   motion_asl_signer          0.116 (0.961 / 0.915)   best stride 7: 0.145   offline optimum 0.069
 *   walk_in_out                0.091 (0.963 / 0.928)   best stride 3: 0.333   offline optimum 0.061
 *   scene_cuts_tears_of_steel  0.480 (0.961 / 0.884)   best stride 1: 1.000   offline optimum 0.277
 *   (all 10 hard cuts inferred on the cut frame)
 * The plain gate (threshold 4, no edge weighting) gave 0.201 / 0.085 (iouMean 0.948, misses the target) / 0.633.
 * Ignoring change inside the person (interiorWeight 0) is what pays: signing hands in front of the body do not
 * move the mask. A baseline band (motionThreshold > staticThreshold) cost more than it saved on these clips, so
 * it is closed by default; the best setting with one open was static 2.5 / motion 3.5 / stride 10:
 * 0.135 / 0.094 / 0.480.
 */
export const DEFAULT_GATE_SETTINGS: Readonly<GateSettings> = Object.freeze({
  staticThreshold: 3.5,
  motionThreshold: 3.5,
  baselineStride: 5,
  refreshFrames: 30,
  maxSkipFrames: 30,
  sceneCutThreshold: 15,
  edgeWeight: 1,
  interiorWeight: 0,
  edgeRadius: 2,
  maxQuality: false,
  warp: true,
});

export type GateSettingsResult = { ok: true; settings: GateSettings } | { ok: false; errors: string[] };

type BooleanField = 'maxQuality' | 'warp';
type NumberField = Exclude<keyof GateSettings, BooleanField>;
const BOOLEAN_FIELDS: readonly BooleanField[] = ['maxQuality', 'warp'];
interface NumberRule {
  min: number;
  max: number;
  integer: boolean;
}
const NUMBER_RULES: Record<NumberField, NumberRule> = {
  staticThreshold: { min: 0, max: 255, integer: false },
  motionThreshold: { min: 0, max: 255, integer: false },
  baselineStride: { min: 1, max: 10_000, integer: true },
  refreshFrames: { min: 0, max: 10_000, integer: true },
  maxSkipFrames: { min: 0, max: 10_000, integer: true },
  sceneCutThreshold: { min: 0, max: 255, integer: false },
  edgeWeight: { min: 0, max: 100, integer: false },
  interiorWeight: { min: 0, max: 100, integer: false },
  edgeRadius: { min: 0, max: 8, integer: true },
};
const KNOWN = new Set<string>([...Object.keys(NUMBER_RULES), ...BOOLEAN_FIELDS]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validates gate settings from JSON (a string or a parsed value). Missing fields take the defaults, so a file
 * may hold only what it changes; every bad or unknown field is listed, not just the first.
 */
export function parseGateSettings(
  json: unknown,
  defaults: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS,
): GateSettingsResult {
  let value = json;
  if (typeof json === 'string') {
    const text = parseJsonText(json);
    if (!text.ok) return { ok: false, errors: [`not valid JSON: ${text.error}`] };
    value = text.value;
  }
  if (!isRecord(value)) return { ok: false, errors: ['gate settings must be a JSON object'] };
  const errors: string[] = [];
  const settings: GateSettings = { ...defaults };
  for (const key of Object.keys(value)) {
    if (!KNOWN.has(key)) errors.push(`${key}: unknown field`);
  }
  for (const key of Object.keys(NUMBER_RULES) as NumberField[]) {
    if (!(key in value)) continue;
    const v = value[key];
    const rule = NUMBER_RULES[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push(`${key}: must be a finite number`);
    else if (rule.integer && !Number.isInteger(v)) errors.push(`${key}: must be an integer`);
    else if (v < rule.min || v > rule.max) errors.push(`${key}: must be within ${rule.min}..${rule.max}`);
    else settings[key] = v;
  }
  for (const key of BOOLEAN_FIELDS) {
    if (!(key in value)) continue;
    const v = value[key];
    if (typeof v !== 'boolean') errors.push(`${key}: must be true or false`);
    else settings[key] = v;
  }
  if (errors.length === 0 && settings.motionThreshold < settings.staticThreshold) {
    errors.push('motionThreshold: must be >= staticThreshold');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings };
}

/**
 * A live change (a slider) applied to the settings: each number kept within its range (integers rounded), and the
 * band kept valid: Motion never below Static (moving Static above Motion takes Motion with it), so what the gate
 * runs with can always be exported and imported again.
 */
export function patchGateSettings(
  current: Readonly<GateSettings>,
  patch: Partial<GateSettings>,
): GateSettings {
  const next: GateSettings = { ...current };
  for (const key of Object.keys(NUMBER_RULES) as NumberField[]) {
    const v = patch[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const rule = NUMBER_RULES[key];
    next[key] = Math.min(rule.max, Math.max(rule.min, rule.integer ? Math.round(v) : v));
  }
  for (const key of BOOLEAN_FIELDS) {
    const v = patch[key];
    if (typeof v === 'boolean') next[key] = v;
  }
  if (next.motionThreshold < next.staticThreshold) next.motionThreshold = next.staticThreshold;
  return next;
}
