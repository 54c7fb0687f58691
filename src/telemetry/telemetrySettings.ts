import { DEFAULT_FEATURE } from './telemetryResource';

export interface TelemetrySettings {
  /** Nothing is sent, nothing is even set up, until this is true. */
  enabled: boolean;
  /** Base URL of the OTLP/HTTP endpoint; /v1/metrics and /v1/logs are appended. Same origin by default. */
  endpoint: string;
  /** Seconds between metric exports (also exported on page hide). */
  intervalS: number;
  /** Share of inferences sent as log records, 0..1; 0 sends no logs at all. */
  logSampling: number;
  /** The cost tag on every export's resource. */
  feature: string;
}

export const DEFAULT_TELEMETRY: TelemetrySettings = {
  enabled: false,
  endpoint: '/otlp',
  intervalS: 15,
  logSampling: 0,
  feature: DEFAULT_FEATURE,
};

export const STORAGE_KEY = 'segmeter.telemetry';
export const MIN_INTERVAL_S = 1;
export const MAX_INTERVAL_S = 3600;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Settings from anything stored (an older or hand-edited value): unknown or bad fields fall back to defaults. */
export function parseTelemetrySettings(raw: unknown): TelemetrySettings {
  const v = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  const str = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);
  const interval = num(v.intervalS);
  const sampling = num(v.logSampling);
  return {
    enabled: v.enabled === true,
    endpoint: (str(v.endpoint) ?? DEFAULT_TELEMETRY.endpoint).replace(/\/+$/, ''),
    intervalS:
      interval === null ? DEFAULT_TELEMETRY.intervalS : clamp(interval, MIN_INTERVAL_S, MAX_INTERVAL_S),
    logSampling: sampling === null ? DEFAULT_TELEMETRY.logSampling : clamp(sampling, 0, 1),
    feature: str(v.feature) ?? DEFAULT_TELEMETRY.feature,
  };
}

export function loadTelemetrySettings(storage: Pick<Storage, 'getItem'> | null): TelemetrySettings {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    return parseTelemetrySettings(text ? JSON.parse(text) : null);
  } catch {
    return { ...DEFAULT_TELEMETRY };
  }
}

export function saveTelemetrySettings(storage: Pick<Storage, 'setItem'> | null, s: TelemetrySettings): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(s));
  } catch {
    // Private mode or a full quota: the settings last for this page only.
  }
}

/** The signal's URL under the endpoint: /otlp + metrics = /otlp/v1/metrics. */
export function signalUrl(endpoint: string, signal: 'metrics' | 'logs'): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/${signal}`;
}
