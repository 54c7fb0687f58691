import { z } from 'zod';

/** models/manifest.json: every model the app offers, each file with the sha256 the app checks before use. */
const modelFile = z.object({
  /** Relative to /models/, or absolute from the app's origin (the mediapipe files copied at build time). */
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
});

export const modelEntrySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  runtime: z.enum(['tfjs', 'mediapipe']),
  modelType: z.enum(['general', 'landscape']),
  inputSize: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
  files: z.array(modelFile).min(1),
  licence: z.string().min(1),
  source: z.string().min(1),
});

export const modelManifestSchema = z.object({ models: z.array(modelEntrySchema).min(1) });

export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ModelManifest = z.infer<typeof modelManifestSchema>;

/** Parses a manifest, or throws one Error that names every bad field. */
export function parseModelManifest(json: unknown): ModelManifest {
  const result = modelManifestSchema.safeParse(json);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`models/manifest.json is invalid: ${fields.join('; ')}`);
}

/** The URL a manifest file is served at. */
export function modelFileUrl(path: string): string {
  return path.startsWith('/') ? path : `/models/${path}`;
}
