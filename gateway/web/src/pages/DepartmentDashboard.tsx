import { useState } from 'react';
import { get } from '../api';
import { ChartPanel } from '../components/ChartPanel';
import { Input, ProblemAlert, Select } from '../components/Fields';
import { AFIS_REFUSAL_LABELS, countryName, date, departementName, DEPARTEMENTS, euros, HOUSING_LABELS } from '../labels';
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
  const [until, setUntil] = useState(new Date().toISOString().slice(0, 10));
  const period = year === CUMULATIVE ? `to=${until}` : `year=${year}`;
  const periodLabel = year === CUMULATIVE ? `depuis l'installation de la commission jusqu'au ${date(until)}` : year;
  const review = useLoad(
    () => get<DepartmentReview>(`/api/departements/${departement}/reports/review?${period}`),
    [departement, year, until],
    REFRESH_MS,
  );
  const choices = isNational(me)
    ? Object.keys(DEPARTEMENTS)
    : me.departements.filter((code) => code !== '*');
  const r = review.value;
  const nationalities = r ? Object.entries(r.validatedByNationality) : [];
  const refusals = Object.entries(r?.afisRefusalsByCondition ?? {});
  const housing = Object.entries(r?.beneficiariesByHousingStep ?? {});
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
        {year === CUMULATIVE && (
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Jusqu'au" type="date" value={until} onChange={(e) => e.target.value && setUntil(e.target.value)} />
          </div>
        )}
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
            <Tile id="afis-paye" label="AFIS versée sur la période" value={euros(r.afisPaidCents)} />
            <Tile id="afis-payes" label="Personnes payées au moins un mois" value={figure(r.afisRecipientsPaid)} />
            <Tile id="formation" label="Bénéficiaires en formation" value={figure(r.beneficiariesInTraining)} />
            <Tile id="logement" label="Bénéficiaires logés ou hébergés" value={figure(r.beneficiariesWithHousing)} />
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
            id="refus-afis"
            title="Refus d'AFIS par condition non remplie"
            kind="horizontal-bar"
            labelHeader="Condition"
            labels={refusals.map(([code]) => AFIS_REFUSAL_LABELS[code] ?? code)}
            series={[{ label: 'Refus', values: refusals.map(([, count]) => count) }]}
            csvName={`refus-afis-${departement}-${year}.csv`}
          />
          <ChartPanel
            id="logement"
            title="Logement à la fin de la période"
            kind="bar"
            labelHeader="Étape"
            labels={housing.map(([step]) => HOUSING_LABELS[step] ?? step)}
            series={[{ label: 'Bénéficiaires', values: housing.map(([, count]) => count) }]}
            csvName={`logement-${departement}-${year}.csv`}
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
