import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelFileUrl, parseModelManifest } from './modelManifest';

describe('model manifest', () => {
  it('parses the shipped manifest, and ships no Google Meet model', () => {
    const manifest = parseModelManifest(JSON.parse(readFileSync('models/manifest.json', 'utf8')));
    expect(manifest.models.map((m) => m.id)).toContain('selfie-general-tfjs');
    expect(manifest.models.every((m) => m.licence === 'Apache-2.0')).toBe(true);
    expect(JSON.stringify(manifest)).not.toMatch(/meet/i);
  });

  it('names every bad field', () => {
    const bad = { models: [{ id: '', runtime: 'onnx', files: [{ path: 'x', sha256: 'nope' }] }] };
    expect(() => parseModelManifest(bad)).toThrow(/models\.0\.id.*models\.0\.label.*models\.0\.runtime/s);
  });

  it('serves relative files under /models', () => {
    expect(modelFileUrl('selfie.bin')).toBe('/models/selfie.bin');
    expect(modelFileUrl('/mediapipe/x.tflite')).toBe('/mediapipe/x.tflite');
  });
});
