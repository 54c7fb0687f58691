import type { GateReason } from '../../core/frameEvent';

/** What a permit sees when the gate asks for an inference. */
export interface PermitRequest {
  frame: number;
  /** Media time of the frame, seconds. */
  mediaTime: number;
  /** Max quality was asked for (a budget's cost-saver may still refuse; its hard limit always does). */
  maxQuality: boolean;
  /** Media seconds since the last inference started; null when none has (or the clip looped back). */
  sinceLastInference: number | null;
}

/** One reason an inference the gate asked for may not start; null lets it through to the next permit. */
export type Permit = (request: PermitRequest) => GateReason | null;

/** The spending side of a budget as the engine sees it (the engine knows no prices). */
export interface BudgetPermit {
  readonly state: 'ok' | 'soft' | 'hard';
  allows(maxQuality: boolean, secondsSinceLastInference: number | null): boolean;
  /** Why it refused: the hard limit (or no permit under another tab's spend), else the cost-saver rate cap. */
  refusedAs?(): 'budget' | 'cost-saver';
}

/** A budget: at its hard limit nothing passes ('budget'); in cost-saver mode its rate cap refuses ('cost-saver'). */
export function budgetPermit(guard: () => BudgetPermit | null | undefined): Permit {
  return (r) => {
    const g = guard();
    if (!g || g.allows(r.maxQuality, r.sinceLastInference)) return null;
    return g.refusedAs?.() ?? (g.state === 'hard' ? 'budget' : 'cost-saver');
  };
}

/**
 * The permits in the order they are asked. The first refusal wins and names the reason on the frame's event; the
 * gate is told of an inference only when every permit let it through.
 */
export class InferencePermits {
  constructor(private readonly permits: readonly Permit[]) {}

  check(request: PermitRequest): GateReason | null {
    for (const permit of this.permits) {
      const refusal = permit(request);
      if (refusal) return refusal;
    }
    return null;
  }
}
