import { useEffect, useRef, useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Select, Success } from '../components/Fields';
import { Table } from '../components/Table';
import { AFIS_REFUSAL_LABELS, CONTRACT_LABELS, date, euros, shortId } from '../labels';
import { asProblem, useLoad } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { navigate } from '../router';
import { firstDepartement, has, useMe } from '../session';
import type { BeneficiaryView } from './types';

/** Finding a beneficiary by their dossier number. */
export function BeneficiarySearch() {
  const [id, setId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (id.trim()) {
      navigate(`/beneficiaires/${encodeURIComponent(id.trim())}`);
    }
  };
  return (
    <>
      <h1>Droits des bénéficiaires</h1>
      <form onSubmit={submit} className="fr-mb-4w">
        <Input label="Numéro du dossier" hint="L'identifiant complet, transmis par l'association ou la préfecture" value={id} onChange={(e) => setId(e.target.value)} />
        <button className="fr-btn" type="submit">
          Consulter les droits
        </button>
      </form>
    </>
  );
}

/** A beneficiary's rights: residence permit, AFIS, jobs and trainings (each reading is logged). */
export function Beneficiary({ dossierId }: { dossierId: string }) {
  const me = useMe();
  const d = firstDepartement(me);
  const rights = useLoad(() => get<BeneficiaryView>(`/api/departements/${d}/beneficiaries/${dossierId}`), [d, dossierId]);
  const value = rights.value;
  // A job just recorded reaches the rights' read model a moment later: read again, once a second
  // for a while, until it is listed (not on a timer otherwise: each reading is logged).
  const [expectedJobs, setExpectedJobs] = useState<number | null>(null);
  const tries = useRef(0);
  const { reload } = rights;
  useEffect(() => {
    if (expectedJobs === null || !value) {
      return;
    }
    if (value.employments.length >= expectedJobs || tries.current >= 30) {
      setExpectedJobs(null);
      return;
    }
    tries.current += 1;
    const timer = window.setTimeout(reload, 1000);
    return () => window.clearTimeout(timer);
  }, [expectedJobs, value, reload]);
  const recorded = () => {
    tries.current = 0;
    setExpectedJobs((value?.employments.length ?? 0) + 1);
    reload();
  };
  return (
    <>
      <h1>Droits du bénéficiaire – dossier {shortId(dossierId)}</h1>
      <ProblemAlert problem={rights.problem} />
      {value && (
        <>
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            <div className="fr-col-12 fr-col-md-6">
              <div className="passerelle-tile">
                <h2 className="fr-h5">Autorisation provisoire de séjour</h2>
                {value.permit ? (
                  <p>
                    Du {date(value.permit.validFrom)} au {date(value.permit.validUntil)}
                  </p>
                ) : (
                  <p>Aucune</p>
                )}
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <div className="passerelle-tile">
                <h2 className="fr-h5">Aide financière (AFIS)</h2>
                {!value.afis && <p>Aucune décision</p>}
                {value.afis?.granted && <p>Accordée : {euros(value.afis.monthlyAmountCents)} par mois</p>}
                {value.afis && !value.afis.granted && (
                  <p>Refusée : {AFIS_REFUSAL_LABELS[value.afis.reason ?? ''] ?? value.afis.reason}</p>
                )}
              </div>
            </div>
          </div>
          <Table
            caption="Emplois et formations"
            headers={['Contrat', 'Début', 'Heures par semaine']}
            rows={value.employments.map((job) => [
              CONTRACT_LABELS[job.contractType] ?? job.contractType,
              date(job.startDate),
              String(job.weeklyHours).replace('.', ','),
            ])}
          />
          {has(me, 'ASSOCIATION') && <EmploymentForm departement={d} dossierId={dossierId} onRecorded={recorded} />}
        </>
      )}
    </>
  );
}

function EmploymentForm({
  departement,
  dossierId,
  onRecorded,
}: {
  departement: string;
  dossierId: string;
  onRecorded: () => void;
}) {
  const [contractType, setContractType] = useState('');
  const [startDate, setStartDate] = useState('');
  const [weeklyHours, setWeeklyHours] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const errors = fieldErrors(problem);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    try {
      await post(`/api/departements/${departement}/beneficiaries/${dossierId}/employment`, {
        contractType: contractType || null,
        startDate: startDate || null,
        weeklyHours: weeklyHours === '' ? null : Number(weeklyHours.replace(',', '.')),
      });
      setDone(true);
      onRecorded();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="fr-mt-4w">
      <h2>Enregistrer un emploi ou une formation</h2>
      {done && <Success>L'emploi est enregistré.</Success>}
      <ProblemAlert problem={problem} labels={{ contractType: 'Contrat', startDate: 'Début', weeklyHours: 'Heures par semaine' }} />
      <Select
        label="Contrat"
        value={contractType}
        onChange={(e) => setContractType(e.target.value)}
        placeholder="Choisir un type de contrat"
        options={Object.entries(CONTRACT_LABELS)}
        error={errors.contractType}
      />
      <Input label="Début" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} error={errors.startDate} />
      <Input
        label="Heures par semaine"
        inputMode="decimal"
        value={weeklyHours}
        onChange={(e) => setWeeklyHours(e.target.value)}
        error={errors.weeklyHours}
      />
      <button className="fr-btn" type="submit">
        Enregistrer l'emploi
      </button>
    </form>
  );
}
