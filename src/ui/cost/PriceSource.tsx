import type { CatalogEntry } from '../../core/pricing/catalogSchema';

/** Where a price comes from: link, date seen and confidence, so a reviewer can trace every figure. */
export function PriceSource({
  entry,
}: {
  entry: Pick<CatalogEntry, 'sourceUrl' | 'seenDate' | 'confidence'>;
}) {
  return (
    <span className="price-source">
      <a href={entry.sourceUrl} target="_blank" rel="noreferrer noopener">
        source
      </a>{' '}
      · seen {entry.seenDate} ·{' '}
      <span className={`confidence confidence-${entry.confidence}`} title="confidence in this price">
        {entry.confidence}
      </span>
    </span>
  );
}
