/**
 * Gate bounds: `npx tsx scripts/gateBounds.ts` (SEGMETER_STUDY_CACHE=DIR for a `bench --dump` cache;
 * SEGMETER_CLEAR_STRAY=1 as in the target study). Per clip, shared and derived, inferences per frame at the quality
 * target (mean IoU 0.95, p05 0.85), plain reuse / warped reuse:
 *   clairvoyant   the best schedule knowing the future (offlineOptimum): no gate can do better
 *   oracle        a threshold gate that knows each frame's true staleness (oracleBounds.thresholdBound)
 *   predictor     a threshold gate on a staleness regression over thumbnail features, fitted leaving out the
 *                 held-out clip's whole family (a shared clip and the clips derived from it), warp only
 *   fixed k       the motion gate with its thresholds times the best factor for the clip (oracleBounds)
 *   controller    the shipped target gate (TargetGate, default constants)
 * Every bound but "controller" chooses its threshold or factor per clip in hindsight. Writes gate-bounds.json
 * (gate-bounds.clear.json with SEGMETER_CLEAR_STRAY=1) into the cache folder. About a minute once the cache exists.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { studyClipName } from '../src/core/studyCache';
import { DERIVED_CLIPS } from './derivedClips';
import { CLEAR_STRAY } from './gateStudyCache';
import { type Eval, offlineOptimum } from './gateStudyTables';
import { fixedScaleBound, thresholdBound, warpedIouTable } from './oracleBounds';
import { featureTable, fitPredictor, predictedStaleness, type TrainingClip } from './stalenessPredictor';
import { CACHE, loadDerivedClips, loadSharedClips, type StudyClip } from './studyClips';
import { simulate } from './targetSim';

/** A clip's family: the shared clip it is, or is derived from (leave-one-family-out keeps a person out). */
function family(name: string): string {
  const d = DERIVED_CLIPS.find((c) => c.name === name);
  return d ? studyClipName(d.source) : name;
}

const cell = (e: Eval | null) =>
  e ? `${e.ratio.toFixed(3)} (${e.iouMean.toFixed(3)}/${e.iouP05.toFixed(3)})` : 'none meets';

async function main(): Promise<void> {
  const clips: StudyClip[] = [...(await loadSharedClips()), ...(await loadDerivedClips())];
  const training: (TrainingClip & { family: string })[] = clips.map((c) => ({
    t: c.t,
    iou: warpedIouTable(c.t, c.shifted),
    features: featureTable(c.t),
    family: family(c.t.clip.name),
  }));
  const weightsByFamily = new Map<string, number[]>();
  for (const f of new Set(training.map((c) => c.family))) {
    weightsByFamily.set(f, fitPredictor(training.filter((c) => c.family !== f)));
  }
  const rows = clips.map((c, i) => {
    const warped = training[i];
    const weights = weightsByFamily.get(warped.family) ?? [];
    const row = {
      clip: c.t.clip.name,
      frames: c.t.clip.frames,
      clairvoyant: { plain: offlineOptimum(c.t), warp: offlineOptimum({ ...c.t, iou: warped.iou }) },
      oracle: { plain: thresholdBound(c.t, c.t.iou, null), warp: thresholdBound(c.t, warped.iou, null) },
      predictor: {
        weights,
        warp: thresholdBound(c.t, warped.iou, predictedStaleness(warped.features, weights)),
      },
      fixedK: { plain: fixedScaleBound(c.t, c.shifted, false), warp: fixedScaleBound(c.t, c.shifted, true) },
      controller: {
        plain: simulate(c.t, c.shifted, { policy: 'target', warp: false }),
        warp: simulate(c.t, c.shifted, { policy: 'target', warp: true }),
      },
    };
    console.log(`\n${row.clip} (${row.frames} frames; inferences per frame (mean IoU / p05), plain | warp)`);
    console.log(`  clairvoyant  ${cell(row.clairvoyant.plain)} | ${cell(row.clairvoyant.warp)}`);
    console.log(`  oracle       ${cell(row.oracle.plain)} | ${cell(row.oracle.warp)}`);
    console.log(`  predictor    - | ${cell(row.predictor.warp)}`);
    console.log(
      `  fixed k      ${cell(row.fixedK.plain)} k ${row.fixedK.plain?.k.toFixed(2)} | ${cell(row.fixedK.warp)} k ${row.fixedK.warp?.k.toFixed(2)}`,
    );
    console.log(`  controller   ${cell(row.controller.plain)} | ${cell(row.controller.warp)}`);
    return row;
  });
  const out = join(CACHE, `gate-bounds${CLEAR_STRAY ? '.clear' : ''}.json`);
  writeFileSync(
    out,
    JSON.stringify(
      { command: 'npx tsx scripts/gateBounds.ts', cache: CACHE, clearStray: CLEAR_STRAY, rows },
      null,
      2,
    ),
  );
  console.log(`\nwritten ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
