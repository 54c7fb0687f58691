import { z } from 'zod';
import type { ParseResult } from '../pricing/catalogSchema.ts';
import { formatIssues } from '../pricing/formatIssues.ts';
import { parseJsonText } from '../pricing/parseJsonText.ts';

/** More points than any sweep grid makes (at most 64): a file with more is refused, not charted. */
export const MAX_SWEEP_POINTS = 1000;

/** A sweep's points, compact enough for a URL: the report's quality/saving chart. */
export const sweepSketchSchema = z.strictObject({
  points: z
    .array(
      z.strictObject({
        skipRatio: z.number().min(0).max(1),
        iouMean: z.number().min(0).max(1),
        iouP05: z.number().min(0).max(1),
      }),
    )
    .max(MAX_SWEEP_POINTS),
  pareto: z.array(z.number().int().nonnegative()).max(MAX_SWEEP_POINTS),
  recommended: z.number().int().nonnegative().nullable(),
});

/**
 * What was measured, from the live session, a bench output, a sweep output, or the bench of the bundled sample clip
 * shipped with the app ("bundled"): the report's inference ratio and quality.
 */
export const measuredFiguresSchema = z.strictObject({
  source: z.enum(['live', 'bench', 'sweep', 'bundled']),
  /** What was measured: the clip, the gate. */
  label: z.string(),
  /** The gate settings the figures were measured with, in words; absent when unknown. */
  gate: z.string().optional(),
  /** The skip policy that produced the ratio ("adaptive", "every-frame", "stride:N"); absent when unknown. */
  policy: z.string().optional(),
  frames: z.number().int().nonnegative().nullable(),
  skipRatio: z.number().min(0).max(1),
  /** Mean and 5th percentile IoU of the shown masks against every-frame masks; null when not measured (live). */
  iouMean: z.number().min(0).max(1).nullable(),
  iouP05: z.number().min(0).max(1).nullable(),
  /** Median model time per inference on the measuring device, ms. */
  modelMsP50: z.number().nonnegative().nullable(),
  sweep: sweepSketchSchema.optional(),
});
export type MeasuredFigures = z.infer<typeof measuredFiguresSchema>;

function parseJson(json: unknown): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  if (typeof json !== 'string') return { ok: true, value: json };
  const text = parseJsonText(json);
  return text.ok ? text : { ok: false, errors: [`(root): not valid JSON (${text.error})`] };
}

/** Checks measured figures (as carried in a report URL); every bad field listed. */
export function parseMeasuredFigures(json: unknown): ParseResult<MeasuredFigures> {
  const raw = parseJson(json);
  if (!raw.ok) return raw;
  const parsed = measuredFiguresSchema.safeParse(raw.value, { reportInput: true });
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: formatIssues(parsed.error.issues) };
}

const unit = z.number().min(0).max(1);
const benchSchema = z.object({
  video: z.string(),
  frames: z.number().int().nonnegative(),
  policy: z.string(),
  skipRatio: unit,
  quality: z.object({ iouMean: unit, iouP05: unit }),
  timingMs: z.object({ inferenceP50: z.number().nonnegative() }),
  gate: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
});

/** A bench's gate settings in words: `staticThreshold 3.5, motionThreshold 3.5, ...`. */
export function describeGate(gate: Readonly<Record<string, number | boolean>>): string {
  return Object.entries(gate)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
const sweepPointSchema = z.object({ skipRatio: unit, iouMean: unit, iouP05: unit });
const sweepSchema = z.object({
  video: z.string(),
  frames: z.number().int().nonnegative(),
  points: z.array(sweepPointSchema).min(1).max(MAX_SWEEP_POINTS),
  pareto: z.array(z.number().int().nonnegative()).max(MAX_SWEEP_POINTS),
  recommended: sweepPointSchema.nullable(),
});

/** Measured figures from an `npm run bench` output: its skip ratio, quality and model time. */
export function measuredFromBench(json: unknown): ParseResult<MeasuredFigures> {
  const raw = parseJson(json);
  if (!raw.ok) return raw;
  const parsed = benchSchema.safeParse(raw.value, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) };
  const b = parsed.data;
  return {
    ok: true,
    value: {
      source: 'bench',
      label: `${b.video} (${b.policy})`,
      ...(b.gate ? { gate: describeGate(b.gate) } : {}),
      policy: b.policy,
      frames: b.frames,
      skipRatio: b.skipRatio,
      iouMean: b.quality.iouMean,
      iouP05: b.quality.iouP05,
      modelMsP50: b.timingMs.inferenceP50,
    },
  };
}

/**
 * Measured figures from an `npm run sweep` output or a Sweep view export: its recommended point, or, when no point
 * met the quality bar, the point with the best mean IoU (the label says so). A sweep times no inference.
 */
export function measuredFromSweep(json: unknown): ParseResult<MeasuredFigures> {
  const raw = parseJson(json);
  if (!raw.ok) return raw;
  const parsed = sweepSchema.safeParse(raw.value, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) };
  const s = parsed.data;
  const same = (a: z.infer<typeof sweepPointSchema>, b: z.infer<typeof sweepPointSchema>) =>
    a.skipRatio === b.skipRatio && a.iouMean === b.iouMean && a.iouP05 === b.iouP05;
  let index = s.recommended ? s.points.findIndex((p) => s.recommended && same(p, s.recommended)) : -1;
  const recommended = index >= 0;
  if (!recommended) {
    index = 0;
    s.points.forEach((p, i) => {
      if (p.iouMean > s.points[index].iouMean) index = i;
    });
  }
  const chosen = s.points[index];
  return {
    ok: true,
    value: {
      source: 'sweep',
      label: `${s.video}, sweep point ${index}${recommended ? ' (recommended)' : ' (best quality; none met the target)'}`,
      frames: s.frames,
      skipRatio: chosen.skipRatio,
      iouMean: chosen.iouMean,
      iouP05: chosen.iouP05,
      modelMsP50: null,
      sweep: {
        points: s.points.map(({ skipRatio, iouMean, iouP05 }) => ({ skipRatio, iouMean, iouP05 })),
        pareto: s.pareto.filter((i) => i < s.points.length),
        recommended: recommended ? index : null,
      },
    },
  };
}
