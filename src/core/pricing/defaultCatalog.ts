import catalogJson from './catalog.default.json';
import { type Catalog, parseCatalog } from './catalogSchema.ts';

/**
 * The bundled catalog (researched prices, each with source URL, date seen and confidence), checked at load like any
 * user catalog. A broken bundled file is a build bug, so it throws with every bad field rather than limping on.
 */
export function loadDefaultCatalog(): Catalog {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(`catalog.default.json is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.value;
}
