import { describe, expect, it } from 'vitest';
import { longTaskStats } from './longTaskStats';

describe('longTaskStats', () => {
  const tasks = [
    { startTime: 500, duration: 300 },
    { startTime: 1000, duration: 60 },
    { startTime: 20_000, duration: 120 },
    { startTime: 61_000, duration: 80 },
  ];

  it('counts only the tasks that start inside the window, per minute of the window', () => {
    expect(longTaskStats(tasks, 1000, 31_000)).toEqual({ count: 2, perMinute: 4, longestMs: 120 });
  });

  it('reports no task as zero per minute and 0 ms, and an empty window as null', () => {
    expect(longTaskStats(tasks, 30_000, 60_000)).toEqual({ count: 0, perMinute: 0, longestMs: 0 });
    expect(longTaskStats(tasks, 5000, 5000).perMinute).toBeNull();
  });
});
