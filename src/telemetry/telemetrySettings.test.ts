import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TELEMETRY,
  loadTelemetrySettings,
  parseTelemetrySettings,
  STORAGE_KEY,
  saveTelemetrySettings,
  signalUrl,
} from './telemetrySettings';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('telemetry settings', () => {
  it('are off by default, pointing at the same origin', () => {
    expect(loadTelemetrySettings(memoryStorage())).toEqual(DEFAULT_TELEMETRY);
    expect(DEFAULT_TELEMETRY.enabled).toBe(false);
    expect(signalUrl(DEFAULT_TELEMETRY.endpoint, 'metrics')).toBe('/otlp/v1/metrics');
    expect(signalUrl('http://collector:4318/', 'logs')).toBe('http://collector:4318/v1/logs');
  });

  it('survive a save and a load', () => {
    const storage = memoryStorage();
    const s = { enabled: true, endpoint: '/collector', intervalS: 5, logSampling: 0.25, feature: 'blur' };
    saveTelemetrySettings(storage, s);
    expect(loadTelemetrySettings(storage)).toEqual(s);
  });

  it('fall back or clamp field by field on bad stored values', () => {
    expect(
      parseTelemetrySettings({ enabled: 'yes', intervalS: 0, logSampling: 7, endpoint: ' ', feature: 3 }),
    ).toEqual({
      ...DEFAULT_TELEMETRY,
      intervalS: 1,
      logSampling: 1,
    });
    const storage = memoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    expect(loadTelemetrySettings(storage)).toEqual(DEFAULT_TELEMETRY);
  });
});
