import { describe, expect, it } from 'vitest';
import { heapGrowth, type SoakSample, totalHeapMB } from './soakPage';

const sample = (minute: number, heapMB: number, workerHeapMB: Record<string, number>): SoakSample => ({
  minute,
  heapMB,
  workerHeapMB,
  tensors: 136,
  storedEvents: 100,
  storedInferences: 20,
});

describe('heapGrowth', () => {
  it('counts page and worker heaps, from the first sample at minute 1 or later to the last', () => {
    const samples = [
      sample(0.5, 30, { segmenter: 9 }),
      sample(1, 12, { segmenter: 3, compositor: 0.5 }),
      sample(2, 13, { segmenter: 3.5, compositor: 0.5 }),
      sample(12, 14, { segmenter: 4, compositor: 1 }),
    ];
    expect(totalHeapMB(samples[1])).toBe(15.5);
    expect(heapGrowth(samples)).toEqual({ mb: 3.5, sinceMinute: 1 });
  });

  it('counts a worker that went away (a restarted one) as memory freed', () => {
    const samples = [sample(1, 10, { segmenter: 5, 'segmenter #2': 3 }), sample(3, 10, { segmenter: 3 })];
    expect(heapGrowth(samples)).toEqual({ mb: -5, sinceMinute: 1 });
  });

  it('uses the first sample of a run shorter than a minute, and has no verdict for one sample', () => {
    expect(heapGrowth([sample(0.2, 10, {}), sample(0.4, 11, {})])).toEqual({ mb: 1, sinceMinute: 0.2 });
    expect(heapGrowth([sample(2, 10, {})])).toBeNull();
    expect(heapGrowth([])).toBeNull();
  });
});
