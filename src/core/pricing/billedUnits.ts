import type { CatalogEntry } from './catalogSchema.ts';
import { ceilUnits } from './ceilUnits.ts';

/** What a stretch of usage consists of, in the counts the units need. */
export interface Usage {
  /** Frames sent to the model. Billed by image, frames16, second, hour (busy hours) and GB units. */
  inferences: number;
  /** Stream duration, seconds. Billed by minute units whether or not each frame was inferred (a video API bills the video). */
  durationSeconds: number;
  /**
   * Sessions the usage spans. Only matters with rounding "ceil-per-session", which rounds up per session; the
   * usage is assumed to be split evenly across them (true of a projection; a live meter passes 1 per session).
   */
  sessions: number;
  /** Bytes per frame sent, for GB units. */
  frameBytes: number;
}

export type BillingRule = Pick<CatalogEntry, 'unit' | 'rounding' | 'throughputFps'>;

function throughputOf(rule: BillingRule): number {
  if (rule.throughputFps === undefined || !(rule.throughputFps > 0)) {
    throw new Error(`unit "${rule.unit}" needs a positive throughputFps`);
  }
  return rule.throughputFps;
}

/** Billed units before any per-session rounding. */
function proratedUnits(rule: BillingRule, usage: Usage): number {
  switch (rule.unit) {
    case 'image':
      return usage.inferences;
    case 'frames16':
      return usage.inferences / 16;
    case 'minute':
      return usage.durationSeconds / 60;
    case 'second':
      // Serverless GPU seconds: busy time at full utilisation, idle and cold starts excluded.
      return usage.inferences / throughputOf(rule);
    case 'hour':
      // Busy hours at full utilisation; the always-on fleet view is fleetInstances/fleetHours.
      return usage.inferences / throughputOf(rule) / 3600;
    case 'GB':
      // Decimal gigabytes, as cloud egress is billed.
      return (usage.inferences * usage.frameBytes) / 1e9;
  }
}

/**
 * Billed units of `usage` for one catalog entry.
 *
 * Per-session rounding lives here and only here: with rounding "ceil-per-session" each of `usage.sessions` equal
 * sessions is rounded up to a whole unit (300 frames = 18.75 -> 19 chunks of 16; 10 s = 0.1667 -> 1 minute), so
 * the result is sessions x ceil(units / sessions). Monthly tiers are applied afterwards to the sum (tieredPrice).
 */
export function billedUnits(rule: BillingRule, usage: Usage): number {
  const units = proratedUnits(rule, usage);
  if (rule.rounding !== 'ceil-per-session' || !(usage.sessions > 0) || units <= 0) return units;
  return usage.sessions * ceilUnits(units / usage.sessions);
}
