import { useState } from 'react';
import { get } from '../api';
import { ChartPanel } from '../components/ChartPanel';
import { ProblemAlert, Select } from '../components/Fields';
import { countryName, departementName, DEPARTEMENTS, euros } from '../labels';
import { useLoad } from '../load';
import { firstDepartement, isNational, useMe } from '../session';
import { figure, REFRESH_MS, Tile, UpdatedAt, YEARS } from './Dashboard';
import type { DepartmentReview } from './types';

/** Since the commission's installation: every fact dated until today, as the seed's review counts. */
const CUMULATIVE = 'cumul';

/**
 * A département's review for a year, or cumulated since the commission's installation (as a
 * commission's own review counts its figures), read again every few seconds.
 */
export function DepartmentDashboard() {
  const me = useMe();
  const [departement, setDepartement] = useState(firstDepartement(me));
  const [year, setYear] = useState(String(YEARS[0]));
  const period = year === CUMULATIVE ? `to=${new Date().toISOString().slice(0, 10)}` : `year=${year}`;
  const periodLabel = year === CUMULATIVE ? "depuis l'installation de la commission" : year;
  const review = useLoad(
    () => get<DepartmentReview>(`/api/departements/${departement}/reports/review?${period}`),
    [departement, year],
    REFRESH_MS,
  );
  const choices = isNational(me)
    ? Object.keys(DEPARTEMENTS)
    : me.departements.filter((code) => code !== '*');
  const r = review.value;
  const nationalities = r ? Object.entries(r.validatedByNationality) : [];
  return (
    <>
      <h1>Bilan départemental – {departementName(departement)}</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        {choices.length > 1 && (
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Département"
              value={departement}
              onChange={(e) => setDepartement(e.target.value)}
              options={choices.map((code) => [code, departementName(code)])}
            />
          </div>
        )}
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Période"
            value={year}
            onChange={(e) => setYear(e.target.value)}
            options={[
              ...YEARS.map((y) => [String(y), String(y)] as [string, string]),
              [CUMULATIVE, "Depuis l'installation de la commission (cumul)"] as [string, string],
            ]}
          />
        </div>
      </div>
      <UpdatedAt at={review.loadedAt} />
      <ProblemAlert problem={review.problem} />
      {r && (
        <>
          <h2 className="fr-mt-4w">Chiffres clés {periodLabel}</h2>
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            <Tile id="etudies" label="Dossiers étudiés" value={figure(r.dossiersStudied)} />
            <Tile id="valides" label="Parcours validés" value={figure(r.validated)} />
            <Tile id="refuses" label="Refus" value={figure(r.refused)} />
            <Tile id="traite" label="Validés, victimes de la traite" value={figure(r.validatedTraffickingVictims)} />
            <Tile id="aps" label="Autorisations de séjour délivrées" value={figure(r.permitsIssued)} />
            <Tile id="afis" label="Bénéficiaires de l'AFIS" value={figure(r.afisRecipients)} />
            <Tile id="emploi" label="Bénéficiaires en emploi" value={figure(r.beneficiariesInEmployment)} />
            <Tile id="cdi" label="dont en CDI" value={figure(r.beneficiariesOnCdi)} />
            <Tile id="part" label="Part des parcours validés en France" value={figure(r.nationalShareOfValidatedPercent, ' %')} />
            <Tile id="afis-mensuel" label="AFIS versée par mois" value={euros(r.afisMonthlyTotalCents)} />
          </div>
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left fr-mb-4w"
            href={`/api/departements/${departement}/reports/review.csv?${period}`}
            download
          >
            Télécharger le bilan {periodLabel} complet (CSV)
          </a>
          <h2 className="fr-mt-4w">Graphiques</h2>
          <ChartPanel
            id="decisions"
            title="Dossiers étudiés et décisions"
            kind="bar"
            labelHeader="Étape"
            labels={['Dossiers étudiés', 'Parcours validés', 'Refus']}
            series={[{ label: 'Dossiers', values: [r.dossiersStudied, r.validated, r.refused] }]}
            csvName={`decisions-${departement}-${year}.csv`}
          />
          <ChartPanel
            id="nationalites"
            title="Parcours validés par nationalité"
            kind="horizontal-bar"
            labelHeader="Nationalité"
            labels={nationalities.map(([code]) => countryName(code))}
            series={[{ label: 'Parcours validés', values: nationalities.map(([, count]) => count) }]}
            csvName={`nationalites-${departement}-${year}.csv`}
          />
          <ChartPanel
            id="droits"
            title="Droits ouverts"
            kind="bar"
            labelHeader="Droit"
            labels={['Autorisations de séjour (APS)', "Bénéficiaires de l'AFIS"]}
            series={[{ label: 'Personnes', values: [r.permitsIssued, r.afisRecipients] }]}
            csvName={`droits-${departement}-${year}.csv`}
          />
          <ChartPanel
            id="emploi"
            title="Insertion professionnelle"
            kind="bar"
            labelHeader="Situation"
            labels={['En emploi', 'dont en CDI']}
            series={[{ label: 'Bénéficiaires', values: [r.beneficiariesInEmployment, r.beneficiariesOnCdi] }]}
            csvName={`emploi-${departement}-${year}.csv`}
          />
        </>
      )}
    </>
  );
}
