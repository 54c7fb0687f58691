import type { CatalogEntry, PriceUnit } from '../pricing/catalogSchema.ts';

/**
 * FOCUS 1.2 (FinOps Open Cost and Usage Specification) columns, in the specification's order (its column index is
 * alphabetical). Source: the FOCUS_Spec repository, specification/columns/*.md, "Feature level" in each column's
 * content constraints, and the v1.2 normative text ("X MUST be present in a FOCUS dataset").
 *
 * Mandatory in 1.2, all present:
 *   BilledCost          as-if cost of the row's charge through the entry's monthly tiers (the adaptive policy)
 *   BillingAccountId    constant "segmeter-as-if": no real account is billed
 *   BillingAccountName  constant "SegMeter as-if estimate (not a bill)"
 *   BillingCurrency     "USD": every catalog price is in US dollars
 *   BillingPeriodEnd    exclusive end of the UTC calendar month holding the charge period
 *   BillingPeriodStart  inclusive start of that month
 *   ChargeCategory      "Usage" on every row
 *   ChargeClass         null: no row corrects an earlier one (the spec requires null then)
 *   ChargeDescription   what was priced: units, entry, scenario, policy
 *   ChargePeriodEnd     session: its end (start + stream time); projection: end of the month
 *   ChargePeriodStart   session: its start; projection: start of the month
 *   ContractedCost      = BilledCost: no negotiated rate, so contracted = list
 *   EffectiveCost       = BilledCost: no commitment, nothing amortised
 *   InvoiceIssuerName   catalog entry's provider
 *   ListCost            = BilledCost: public (list) prices, tiers included
 *   PricingQuantity     billed units of the entry (images, minutes, 16-frame chunks, hours, seconds, GB)
 *   PricingUnit         the entry's unit in FOCUS unit format ("Images", "Hours", "16 Frames", ...)
 *   ProviderName        catalog entry's provider
 *   PublisherName       catalog entry's provider
 *   ServiceCategory     by unit: "AI and Machine Learning", or "Compute" (GPU hours/seconds), "Networking" (GB)
 *   ServiceName         catalog entry's product
 * Recommended in 1.2, included because they are known: ChargeFrequency ("Usage-Based") and ServiceSubcategory.
 * Conditional columns (commitments, SKUs, regions, resources, tags, ...) do not apply to an as-if estimate.
 *
 * Then SegMeter's own columns, x_-prefixed as the spec asks of custom columns.
 */
export const FOCUS_COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ContractedCost',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'PricingQuantity',
  'PricingUnit',
  'ProviderName',
  'PublisherName',
  'ServiceCategory',
  'ServiceName',
  'ServiceSubcategory',
  'x_AsIf',
  'x_CatalogId',
  'x_Scenario',
  'x_Policy',
  'x_Feature',
  'x_InferenceRatio',
  'x_EveryFrameCost',
  'x_SavingCost',
  'x_PriceSourceUrl',
  'x_PriceSeenDate',
] as const;
export type FocusColumn = (typeof FOCUS_COLUMNS)[number];

/** The columns FOCUS 1.2 makes mandatory (a subset of FOCUS_COLUMNS, same order). */
export const FOCUS_MANDATORY_COLUMNS: readonly FocusColumn[] = FOCUS_COLUMNS.filter(
  (c) => !c.startsWith('x_') && c !== 'ChargeFrequency' && c !== 'ServiceSubcategory',
);

/** One as-if charge: a catalog entry priced for one scenario over one charge period. */
export interface FocusCharge {
  entry: CatalogEntry;
  /** "session" (this live session) or "projection" (a month of the usage scenario). */
  scenario: string;
  /** The skip policy the billed units come from, e.g. "adaptive", "every-frame", "stride:3". */
  policy: string;
  /** What the inference is for, e.g. "person-segmentation". */
  feature: string;
  inferenceRatio: number;
  periodStart: Date;
  periodEnd: Date;
  /** Billed units under the policy. */
  quantity: number;
  /** As-if cost under the policy (what BilledCost reports). */
  costUSD: number;
  /** As-if cost had every frame been sent. */
  everyFrameUSD: number;
}

const UNIT_NAMES: Record<PriceUnit, string> = {
  image: 'Images',
  frames16: '16 Frames',
  minute: 'Minutes',
  second: 'Seconds',
  hour: 'Hours',
  GB: 'GB',
};

function serviceCategory(unit: PriceUnit): [string, string] {
  if (unit === 'hour') return ['Compute', 'Virtual Machines'];
  if (unit === 'second') return ['Compute', 'Serverless Compute'];
  if (unit === 'GB') return ['Networking', 'Data Transfer'];
  return ['AI and Machine Learning', 'Machine Learning'];
}

/** FOCUS Date/Time format: ISO 8601 in UTC, seconds precision, "Z". */
export function focusDateTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The UTC calendar month holding `date`: [start, end). */
export function utcMonth(date: Date): { start: Date; end: Date } {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return { start, end };
}

/** A row as column -> value, before CSV quoting. Null is an empty cell. */
export function focusRow(c: FocusCharge): Record<FocusColumn, string | number | boolean | null> {
  const billing = utcMonth(c.periodStart);
  const [category, subcategory] = serviceCategory(c.entry.unit);
  const unit = UNIT_NAMES[c.entry.unit];
  return {
    BilledCost: c.costUSD,
    BillingAccountId: 'segmeter-as-if',
    BillingAccountName: 'SegMeter as-if estimate (not a bill)',
    BillingCurrency: 'USD',
    BillingPeriodEnd: focusDateTime(billing.end),
    BillingPeriodStart: focusDateTime(billing.start),
    ChargeCategory: 'Usage',
    ChargeClass: null,
    ChargeDescription: `As if sent to ${c.entry.provider} ${c.entry.product}: ${c.quantity} ${unit} (${c.scenario}, ${c.policy})`,
    ChargeFrequency: 'Usage-Based',
    ChargePeriodEnd: focusDateTime(c.periodEnd),
    ChargePeriodStart: focusDateTime(c.periodStart),
    ContractedCost: c.costUSD,
    EffectiveCost: c.costUSD,
    InvoiceIssuerName: c.entry.provider,
    ListCost: c.costUSD,
    PricingQuantity: c.quantity,
    PricingUnit: unit,
    ProviderName: c.entry.provider,
    PublisherName: c.entry.provider,
    ServiceCategory: category,
    ServiceName: c.entry.product,
    ServiceSubcategory: subcategory,
    x_AsIf: true,
    x_CatalogId: c.entry.id,
    x_Scenario: c.scenario,
    x_Policy: c.policy,
    x_Feature: c.feature,
    x_InferenceRatio: c.inferenceRatio,
    x_EveryFrameCost: c.everyFrameUSD,
    x_SavingCost: c.everyFrameUSD - c.costUSD,
    x_PriceSourceUrl: c.entry.sourceUrl,
    x_PriceSeenDate: c.entry.seenDate,
  };
}

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
 * neutralised with a leading apostrophe; numbers are written as numbers, at full precision.
 */
export function focusCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The charges as a FOCUS 1.2 CSV: header, one row per charge, CRLF line ends. */
export function focusCsv(charges: readonly FocusCharge[]): string {
  const lines = [FOCUS_COLUMNS.join(',')];
  for (const charge of charges) {
    const row = focusRow(charge);
    lines.push(FOCUS_COLUMNS.map((c) => focusCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
