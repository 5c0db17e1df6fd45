import { useEffect, useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Success } from '../components/Fields';
import { Table } from '../components/Table';
import { PAYMENT_OUTCOME_LABELS, date, euros, month, shortId, today } from '../labels';
import { asProblem, useLoad, usePoll } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { Link } from '../router';
import { firstDepartement, useMe } from '../session';
import type { PaymentPreview, PaymentRun } from './types';

const thisMonth = () => today().slice(0, 7);

/**
 * The paying body's monthly AFIS run: what the month would pay, beneficiary by beneficiary, then
 * the run confirmed and followed until every line is paid or passed. A month is never paid twice:
 * a second run of the same month finds its lines already paid.
 */
export function PaymentRuns() {
  const me = useMe();
  const d = firstDepartement(me);
  const [chosen, setChosen] = useState(thisMonth());
  const [preview, setPreview] = useState<PaymentPreview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const runs = useLoad(() => get<PaymentRun[]>(`/api/departements/${d}/rights/payment-runs?month=${preview?.month ?? chosen}`), [d, preview?.month, runId]);

  const showPreview = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setRunId(null);
    try {
      setPreview(await get<PaymentPreview>(`/api/departements/${d}/rights/payment-runs/preview?month=${encodeURIComponent(chosen)}`));
    } catch (error) {
      setPreview(null);
      setProblem(asProblem(error));
    }
  };
  const confirm = async () => {
    setProblem(null);
    try {
      const run = await post<PaymentRun>(`/api/departements/${d}/rights/payment-runs`, { month: preview!.month });
      setRunId(run.runId);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      <h1>Versements de l'AFIS</h1>
      <form onSubmit={showPreview} noValidate className="fr-mb-4w">
        <Input
          label="Mois à verser"
          type="month"
          hint="Format : AAAA-MM ; un mois se verse une fois commencé"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          error={fieldErrors(problem).month}
        />
        <button className="fr-btn" type="submit">
          Préparer le versement
        </button>
      </form>
      <ProblemAlert problem={problem} labels={{ month: 'Mois à verser' }} />
      {preview && !runId && (
        <section aria-labelledby="titre-apercu">
          <h2 id="titre-apercu">Versement de {month(preview.month)}</h2>
          <p>
            {preview.toPay} bénéficiaire{preview.toPay > 1 ? 's' : ''} à payer, {euros(preview.totalCents)} en tout.
          </p>
          <Table
            caption={`Lignes du versement de ${month(preview.month)}`}
            headers={['Dossier', 'Résultat', 'Montant', 'Montant mensuel plein', 'Barème']}
            rows={preview.lines.map((line) => [
              <Link key={line.dossierId} to={`/beneficiaires/${line.dossierId}`}>
                Dossier {shortId(line.dossierId)}
              </Link>,
              PAYMENT_OUTCOME_LABELS[line.outcome] ?? line.outcome,
              euros(line.amountCents),
              euros(line.fullMonthAmountCents),
              line.scaleReference ?? '–',
            ])}
          />
          <button className="fr-btn" type="button" onClick={confirm} disabled={preview.toPay === 0}>
            Confirmer le versement de {month(preview.month)}
          </button>
        </section>
      )}
      {runId && <RunProgress departement={d} runId={runId} onCompleted={runs.reload} />}
      <Table
        caption={`Versements confirmés pour ${month(preview?.month ?? chosen)}`}
        headers={['Versement', 'Confirmé le', 'État', 'Lignes payées', 'Montant versé']}
        rows={(runs.value ?? []).map((run) => [
          `n° ${shortId(run.runId)}`,
          date(run.confirmedOn),
          run.status === 'COMPLETED' ? 'Terminé' : 'En cours',
          `${run.paid} sur ${run.scheduled}`,
          euros(run.paidCents),
        ])}
      />
    </>
  );
}

const completed = (run: PaymentRun) => run.status === 'COMPLETED';

/**
 * A confirmed run, read again every second until every line is done. The run reaches its read model
 * a moment after it is confirmed: until then it is not found, and is read again.
 */
function RunProgress({ departement, runId, onCompleted }: { departement: string; runId: string; onCompleted: () => void }) {
  const run = useLoad(() => get<PaymentRun>(`/api/departements/${departement}/rights/payment-runs/${runId}`), [departement, runId]);
  const { value, problem } = run;
  const { notFoundYet: recording } = usePoll(run, { until: completed, notFoundTries: 30 });
  useEffect(() => {
    if (value?.status === 'COMPLETED') {
      onCompleted();
    }
  }, [value, onCompleted]);
  return (
    <section aria-labelledby="titre-versement" className="fr-mb-4w">
      <h2 id="titre-versement">Versement n° {shortId(runId)}</h2>
      {!recording && <ProblemAlert problem={problem} />}
      {(recording || (!value && !problem)) && <p aria-live="polite">Versement confirmé, en cours d'enregistrement…</p>}
      {value && value.status === 'COMPLETED' && (
        <Success>
          Versement terminé : {value.paid} ligne{value.paid > 1 ? 's' : ''} payée{value.paid > 1 ? 's' : ''}, {euros(value.paidCents)}.
        </Success>
      )}
      {value && value.status !== 'COMPLETED' && (
        <p aria-live="polite">
          En cours : {value.done} ligne{value.done > 1 ? 's' : ''} traitée{value.done > 1 ? 's' : ''} sur {value.scheduled}.
        </p>
      )}
    </section>
  );
}
