import { useState } from 'react';
import { get } from '../api';
import { ChartPanel } from '../components/ChartPanel';
import { Input, ProblemAlert, Select } from '../components/Fields';
import {
  AFIS_REFUSAL_LABELS,
  CONTRACT_LABELS,
  countryName,
  date,
  departementName,
  DEPARTEMENTS,
  euros,
  HOUSING_LABELS,
  month,
  today,
} from '../labels';
import { useLoad } from '../load';
import { firstDepartement, isNational, useMe } from '../session';
import { figure, REFRESH_MS, Tile, UpdatedAt, YEARS } from './Dashboard';
import type { DepartmentReview, DepartmentSeries } from './types';

/** Since the commission's installation: every fact dated until today, as the seed's review counts. */
const CUMULATIVE = 'cumul';

/** "YYYY-MM" of a date, in the browser's time zone. */
const monthOf = (day: Date) => `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}`;

/**
 * The months drawn over time: those of the year chosen, up to this month for the current year (a
 * month to come has no figures yet); for the cumulative period, the twelve months up to its end.
 */
function seriesMonths(year: string, until: string): { from: string; to: string } {
  if (year !== CUMULATIVE) {
    const thisMonth = monthOf(new Date());
    const december = `${year}-12`;
    return { from: `${year}-01`, to: december < thisMonth ? december : thisMonth };
  }
  const [y, m] = until.split('-').map(Number);
  return { from: monthOf(new Date(y, m - 12, 1)), to: until.slice(0, 7) };
}

/**
 * A département's review for a year, or cumulated since the commission's installation (as a
 * commission's own review counts its figures), read again every few seconds.
 */
export function DepartmentDashboard() {
  const me = useMe();
  const [departement, setDepartement] = useState(firstDepartement(me));
  const [year, setYear] = useState(String(YEARS[0]));
  const [until, setUntil] = useState(today());
  const period = year === CUMULATIVE ? `to=${until}` : `year=${year}`;
  const periodLabel = year === CUMULATIVE ? `depuis l'installation de la commission jusqu'au ${date(until)}` : year;
  const review = useLoad(
    () => get<DepartmentReview>(`/api/departements/${departement}/reports/review?${period}`),
    [departement, year, until],
    REFRESH_MS,
  );
  const months = seriesMonths(year, until);
  const monthsLabel = `de ${month(months.from)} à ${month(months.to)}`;
  const series = useLoad(
    () =>
      get<DepartmentSeries>(
        `/api/departements/${departement}/reports/series?from=${months.from}&to=${months.to}`,
      ),
    [departement, months.from, months.to],
    REFRESH_MS,
  );
  const choices = isNational(me)
    ? Object.keys(DEPARTEMENTS)
    : me.departements.filter((code) => code !== '*');
  const r = review.value;
  const nationalities = r ? Object.entries(r.validatedByNationality) : [];
  const refusals = Object.entries(r?.afisRefusalsByCondition ?? {});
  const housing = Object.entries(r?.beneficiariesByHousingStep ?? {});
  const s = series.value;
  const monthLabels = s ? s.months.map((m) => month(m.month)) : [];
  // the contracts someone held in one of the months (or withheld), in the order the API lists them
  const contracts = s
    ? Object.keys(s.months[0]?.employmentByContractType ?? {}).filter((contract) =>
        s.months.some((m) => m.employmentByContractType[contract] !== 0),
      )
    : [];
  const seriesName = `${departement}-${months.from}-${months.to}`;
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
      <h2 className="fr-mt-4w">Évolution mois par mois, {monthsLabel}</h2>
      <p className="fr-text--sm">
        {year === CUMULATIVE
          ? 'Les douze mois qui finissent la période choisie.'
          : "Les mois de l'année choisie, jusqu'au mois en cours."}{' '}
        Les parcours et les emplois sont comptés au dernier jour de chaque mois ; l'AFIS, pour le mois
        payé, quel que soit le jour du versement.
      </p>
      <ProblemAlert problem={series.problem} />
      {s && (
        <>
          <ChartPanel
            id="parcours-mois"
            title="Parcours en cours à la fin de chaque mois"
            kind="line"
            labelHeader="Mois"
            labels={monthLabels}
            series={[{ label: 'Parcours en cours', values: s.months.map((m) => m.pathwaysInProgress) }]}
            csvName={`parcours-en-cours-${seriesName}.csv`}
          />
          <ChartPanel
            id="emploi-mois"
            title="Bénéficiaires en emploi par type de contrat, à la fin de chaque mois"
            kind="bar"
            labelHeader="Mois"
            labels={monthLabels}
            series={[
              { label: 'En emploi (personnes)', values: s.months.map((m) => m.beneficiariesInEmployment) },
              ...contracts.map((contract) => ({
                label: CONTRACT_LABELS[contract] ?? contract,
                values: s.months.map((m) => m.employmentByContractType[contract] ?? 0),
              })),
            ]}
            csvName={`emploi-par-contrat-${seriesName}.csv`}
            note="Une personne qui occupe deux emplois de contrats différents compte une fois parmi les personnes en emploi, et sous chacun de ses contrats. Les formations ne sont pas des emplois."
          />
          <ChartPanel
            id="afis-mois"
            title="Bénéficiaires de l'AFIS payés pour chaque mois"
            kind="bar"
            labelHeader="Mois"
            labels={monthLabels}
            series={[{ label: 'Personnes payées', values: s.months.map((m) => m.afisRecipientsPaid) }]}
            csvName={`afis-beneficiaires-${seriesName}.csv`}
          />
          <ChartPanel
            id="afis-montant-mois"
            title="AFIS versée pour chaque mois (euros)"
            kind="line"
            labelHeader="Mois"
            labels={monthLabels}
            series={[
              {
                label: 'Montant versé (€, arrondi)',
                values: s.months.map((m) => (m.afisPaidCents === null ? null : Math.round(m.afisPaidCents / 100))),
              },
            ]}
            csvName={`afis-montant-${seriesName}.csv`}
          />
        </>
      )}
    </>
  );
}
