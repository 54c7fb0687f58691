import { useState } from 'react';
import type { Effect } from '../engine/compositor/Compositor';
import type { LiveSession, SessionSnapshot } from '../engine/session/LiveSession';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

const EFFECTS: { id: Effect; label: string }[] = [
  { id: 'blur', label: 'Blur' },
  { id: 'replace', label: 'Replace' },
  { id: 'mask', label: 'Mask' },
  { id: 'off', label: 'Off' },
];

const BACKGROUNDS = ['deep-sea', 'sunset', 'fractal'].map((name) => ({
  name,
  url: `/backgrounds/${name}.jpg`,
}));

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not an image this browser can decode'));
    image.src = url;
  });
}

export function EffectControls({ session, snapshot }: Props) {
  const settings = snapshot?.settings;
  const [background, setBackground] = useState<string | null>(null);

  const pickBackground = async (url: string, name: string, revoke = false) => {
    if (!session) return;
    try {
      session.setSettings({ background: await loadImage(url), effect: 'replace' });
      setBackground(name);
    } catch (err) {
      session.notify('warning', {
        code: 'background-unusable',
        params: { name, error: (err as Error).message },
      });
    } finally {
      if (revoke) URL.revokeObjectURL(url);
    }
  };

  return (
    <fieldset className="panel">
      <legend>Effect</legend>
      <div className="button-row" role="radiogroup" aria-label="Effect">
        {EFFECTS.map((e) => (
          <label key={e.id} className="choice">
            <input
              type="radio"
              name="effect"
              value={e.id}
              checked={settings?.effect === e.id}
              disabled={!session}
              onChange={() => {
                if (e.id === 'replace' && !settings?.background)
                  void pickBackground(BACKGROUNDS[0].url, BACKGROUNDS[0].name);
                else session?.setSettings({ effect: e.id });
              }}
            />
            {e.label}
          </label>
        ))}
      </div>
      <label className="slider">
        Blur strength <output>{settings?.blurPx ?? 0} px</output>
        <input
          type="range"
          min={2}
          max={40}
          value={settings?.blurPx ?? 14}
          onChange={(e) => session?.setSettings({ blurPx: Number(e.currentTarget.value) })}
        />
      </label>
      <label className="slider">
        Edge feather <output>{settings?.featherPx ?? 0} px</output>
        <input
          type="range"
          min={0}
          max={12}
          value={settings?.featherPx ?? 3}
          onChange={(e) => session?.setSettings({ featherPx: Number(e.currentTarget.value) })}
        />
      </label>
      <fieldset className="backgrounds">
        <legend className="sr-only">Backgrounds</legend>
        {BACKGROUNDS.map((b) => (
          <button
            key={b.name}
            type="button"
            className="background-thumb"
            aria-pressed={background === b.name}
            title={b.name}
            style={{ backgroundImage: `url(${b.url})` }}
            onClick={() => pickBackground(b.url, b.name)}
          >
            <span className="sr-only">{b.name}</span>
          </button>
        ))}
        <label className="button small">
          Your image…
          <input
            type="file"
            accept="image/*"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void pickBackground(URL.createObjectURL(file), file.name, true);
            }}
          />
        </label>
      </fieldset>
    </fieldset>
  );
}
