import type { ReactNode } from 'react';
import { SUPPRESSED, type Value } from '../components/ChartPanel';

/** How often a dashboard reads its figures again, while its page is visible. */
export const REFRESH_MS = 5000;

/** The years a review can be read for: from this one back to 2016, when the law created the pathways. */
export const YEARS = (() => {
  const years: number[] = [];
  for (let year = new Date().getFullYear(); year >= 2016; year--) {
    years.push(year);
  }
  return years;
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
