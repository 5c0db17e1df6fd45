import type { ReactNode } from 'react';
import { SUPPRESSED, type Value } from '../components/ChartPanel';

/** How often a dashboard reads its figures again, while its page is visible. */
export const REFRESH_MS = 5000;

export const YEARS = (() => {
  const now = new Date().getFullYear();
  return [now, now - 1, now - 2, now - 3, now - 4, now - 5, now - 6];
})();

export const figure = (value: Value | undefined, unit = '') =>
  value === null || value === undefined ? SUPPRESSED : `${value.toLocaleString('fr-FR')}${unit}`;

/** A key figure in a tile. */
export function Tile({ label, value, id }: { label: string; value: ReactNode; id: string }) {
  return (
    <div className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
      <div className="passerelle-tile">
        <p className="fr-text--sm" id={`${id}-libelle`}>
          {label}
        </p>
        <p className="passerelle-figure" aria-labelledby={`${id}-libelle`} data-chiffre={id}>
          {value}
        </p>
      </div>
    </div>
  );
}

/** When the figures were last read, said to screen readers politely. */
export function UpdatedAt({ at }: { at: Date | null }) {
  return (
    <p className="fr-text--sm" aria-live="polite">
      {at ? `Chiffres à jour à ${at.toLocaleTimeString('fr-FR')} ; ils se mettent à jour d'eux-mêmes.` : 'Chargement des chiffres…'}
    </p>
  );
}
