import { useState } from 'react';
import { get } from '../api';
import { ChartPanel } from '../components/ChartPanel';
import { ProblemAlert, Select } from '../components/Fields';
import { departementName, euros } from '../labels';
import { useLoad } from '../load';
import { figure, REFRESH_MS, Tile, UpdatedAt, YEARS } from './Dashboard';
import type { NationalReview } from './types';

const BANDS: Record<string, string> = {
  '0': 'Aucun parcours',
  '1-5': '1 à 5',
  '6-10': '6 à 10',
  '11-20': '11 à 20',
  '>20': 'Plus de 20',
};

/**
 * The ministry's view: départements ranked by validated pathways, size bands, the five largest
 * départements' share and the trend over the years. Figures the API suppresses (too few people to
 * be shown) stay suppressed here.
 */
export function NationalDashboard() {
  const [year, setYear] = useState(String(YEARS[0]));
  const review = useLoad(() => get<NationalReview>(`/api/reports/national?year=${year}`), [year], REFRESH_MS);
  const trend = useLoad(
    () => Promise.all([...YEARS].reverse().slice(-5).map((y) => get<NationalReview>(`/api/reports/national?year=${y}`))),
    [],
    REFRESH_MS * 6,
  );
  const r = review.value;
  const ranked = r ? [...r.departments].sort((a, b) => (b.validated ?? -1) - (a.validated ?? -1)) : [];
  const bands = r ? Object.entries(r.sizeBands) : [];
  return (
    <>
      <h1>Bilan national</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Année" value={year} onChange={(e) => setYear(e.target.value)} options={YEARS.map((y) => [String(y), String(y)])} />
        </div>
      </div>
      <UpdatedAt at={review.loadedAt} />
      <ProblemAlert problem={review.problem} />
      {r && (
        <>
          <h2 className="fr-mt-4w">Chiffres clés {r.year}</h2>
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            <Tile id="etudies" label="Dossiers étudiés" value={figure(r.dossiersStudied)} />
            <Tile id="valides" label="Parcours validés" value={figure(r.validated)} />
            <Tile id="refuses" label="Refus" value={figure(r.refused)} />
            <Tile id="taux-refus" label="Taux de refus" value={figure(r.refusalRatePercent, ' %')} />
            <Tile id="aps" label="Autorisations de séjour délivrées" value={figure(r.permitsIssued)} />
            <Tile id="afis" label="Bénéficiaires de l'AFIS" value={figure(r.afisRecipients)} />
            <Tile id="afis-mensuel" label="AFIS versée par mois" value={euros(r.afisMonthlyTotalCents)} />
            <Tile id="cinq" label="Part des cinq plus grands départements" value={figure(r.fiveLargestSharePercent, ' %')} />
          </div>
          <h2>Graphiques</h2>
          <ChartPanel
            id="departements"
            title="Parcours validés par département"
            kind="horizontal-bar"
            labelHeader="Département"
            labels={ranked.map((row) => departementName(row.departmentCode))}
            series={[{ label: 'Parcours validés', values: ranked.map((row) => row.validated) }]}
            csvName={`parcours-par-departement-${year}.csv`}
          />
          <ChartPanel
            id="tranches"
            title="Départements par nombre de parcours validés"
            kind="bar"
            labelHeader="Parcours validés"
            labels={bands.map(([band]) => BANDS[band] ?? band)}
            series={[{ label: 'Départements', values: bands.map(([, count]) => count) }]}
            csvName={`tranches-${year}.csv`}
          />
        </>
      )}
      <ProblemAlert problem={trend.problem} />
      {trend.value && (
        <ChartPanel
          id="tendance"
          title="Évolution par année"
          kind="line"
          labelHeader="Année"
          labels={trend.value.map((t) => String(t.year))}
          series={[
            { label: 'Dossiers étudiés', values: trend.value.map((t) => t.dossiersStudied) },
            { label: 'Parcours validés', values: trend.value.map((t) => t.validated) },
            { label: 'Refus', values: trend.value.map((t) => t.refused) },
          ]}
          csvName="evolution-par-annee.csv"
        />
      )}
    </>
  );
}
