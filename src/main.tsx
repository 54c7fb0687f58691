import { prestartSegmenterWorker } from './engine/segmenter/segmenterWorkerSpawn';
import { backendFromUrl, firstBackend } from './engine/session/backendPreference';

// This entry is kept tiny on purpose: it starts the model's worker (which parses tfjs and compiles the backend) before
// the page downloads and parses its UI, so the first mask does not queue behind the UI's start-up.
prestartSegmenterWorker(firstBackend(backendFromUrl(location.search) ?? 'auto'));
void import('./ui/renderApp').then(({ renderApp }) => renderApp());
