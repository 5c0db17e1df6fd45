import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Select, Success, YesNo } from '../components/Fields';
import { Table } from '../components/Table';
import {
  AFIS_END_LABELS,
  AFIS_REFUSAL_LABELS,
  AFIS_STOP_LABELS,
  CONTRACT_LABELS,
  PERMIT_END_LABELS,
  PERMIT_REFUSAL_LABELS,
  RESIDENCE_DOCUMENT_LABELS,
  date,
  euros,
  month,
  shortId,
} from '../labels';
import { asProblem, useLoad, usePoll } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { Link, navigate } from '../router';
import { firstDepartement, has, useMe } from '../session';
import type { AfisRequest, BeneficiaryView } from './types';

interface ExpiringPermit {
  dossierId: string;
  validFrom: string;
  validUntil: string;
  pathwayEnd: string;
  renewable: boolean;
}

/** Finding a beneficiary by their dossier number; for the préfecture, the permits about to expire. */
export function BeneficiarySearch() {
  const me = useMe();
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
      {has(me, 'PREFECTURE') && <ExpiringPermits departement={firstDepartement(me)} />}
    </>
  );
}

/** The permits expiring within 30 days: to renew with the pathway, or to let end with it. */
function ExpiringPermits({ departement }: { departement: string }) {
  const permits = useLoad(() => get<ExpiringPermit[]>(`/api/departements/${departement}/rights/permits/expiring`), [departement]);
  return (
    <>
      <ProblemAlert problem={permits.problem} />
      {permits.value && (
        <Table
          caption="Autorisations provisoires de séjour expirant dans les 30 jours"
          headers={['Dossier', 'Valable du', 'au', 'Fin du parcours', 'À faire']}
          rows={permits.value.map((permit) => [
            <Link key={permit.dossierId} to={`/beneficiaires/${permit.dossierId}`}>
              Dossier {shortId(permit.dossierId)}
            </Link>,
            date(permit.validFrom),
            date(permit.validUntil),
            date(permit.pathwayEnd),
            permit.renewable ? 'Renouveler avec le parcours' : 'Prend fin avec le parcours',
          ])}
        />
      )}
    </>
  );
}

/** A beneficiary's rights: residence permit, AFIS, jobs and trainings (each reading is logged). */
export function Beneficiary({ dossierId }: { dossierId: string }) {
  const me = useMe();
  const d = firstDepartement(me);
  const rights = useLoad(() => get<BeneficiaryView>(`/api/departements/${d}/beneficiaries/${dossierId}`), [d, dossierId]);
  const value = rights.value;
  // What was just recorded reaches the rights' read model a moment later: read again, once a
  // second for a while, until it shows (not on a timer otherwise: each reading is logged).
  const [awaited, setAwaited] = useState<((rights: BeneficiaryView) => boolean) | null>(null);
  usePoll(rights, { until: awaited, tries: 30 });
  const { reload } = rights;
  // What was done stays said above the rights, while the form that did it gives way.
  const [notice, setNotice] = useState<string | null>(null);
  const recorded = (message: string, shows: (rights: BeneficiaryView) => boolean) => {
    setNotice(message);
    setAwaited(() => shows);
    reload();
  };
  const jobs = value?.employments.length ?? 0;
  const trainings = value?.trainings?.length ?? 0;
  const running: RunningActivity[] = [
    ...(value?.employments ?? [])
      .filter((job) => !job.endedOn)
      .map((job) => ({ kind: 'employment' as const, id: job.employmentId, label: `${CONTRACT_LABELS[job.contractType] ?? job.contractType} depuis le ${date(job.startDate)}` })),
    ...(value?.trainings ?? [])
      .filter((training) => !training.endedOn)
      .map((training) => ({ kind: 'training' as const, id: training.trainingId, label: `Formation depuis le ${date(training.startDate)}` })),
  ];
  const pendingRequest = value?.afis?.requests?.find((request) => !request.decidedOn);
  const canRequestAfis = !value?.afis || value.afis.status === 'REFUSED' || value.afis.status === 'ENDED';
  return (
    <>
      <h1>Droits du bénéficiaire – dossier {shortId(dossierId)}</h1>
      <ProblemAlert problem={rights.problem} />
      {notice && <Success>{notice}</Success>}
      {value && (
        <>
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
            <div className="fr-col-12 fr-col-md-6">
              <div className="passerelle-tile">
                <h2 className="fr-h5">Autorisation provisoire de séjour</h2>
                <PermitSummary permit={value.permit} />
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <div className="passerelle-tile">
                <h2 className="fr-h5">Aide financière (AFIS)</h2>
                <AfisSummary afis={value.afis} />
              </div>
            </div>
          </div>
          {has(me, 'PREFECTURE') && value.permit?.status !== 'ISSUED' && (
            <PermitForm
              departement={d}
              dossierId={dossierId}
              onRecorded={(message) => recorded(message, (rights) => rights.permit?.status === 'ISSUED')}
            />
          )}
          {has(me, 'PREFECTURE') && pendingRequest && (
            <AfisDecisionForm
              departement={d}
              dossierId={dossierId}
              request={pendingRequest}
              onRecorded={(message) =>
                recorded(message, (rights) => !!rights.afis?.requests?.find((r) => r.requestId === pendingRequest.requestId)?.decidedOn)
              }
            />
          )}
          {has(me, 'PREFECTURE') && (value.afis?.status === 'GRANTED' || value.afis?.status === 'SUSPENDED') && (
            <RunningAfisForm departement={d} dossierId={dossierId} suspended={value.afis.status === 'SUSPENDED'} onRecorded={recorded} />
          )}
          {has(me, 'ASSOCIATION') && canRequestAfis && (
            <AfisRequestForm
              departement={d}
              dossierId={dossierId}
              onRecorded={(message) => recorded(message, (rights) => rights.afis?.status === 'REQUESTED')}
            />
          )}
          {(value.afis?.payments?.length ?? 0) > 0 && (
            <Table
              caption="Versements de l'AFIS"
              headers={['Mois', 'Montant versé', 'Montant mensuel plein', 'Enfants à charge', 'Barème', 'Versé le']}
              rows={value.afis!.payments!.map((payment) => [
                month(payment.month),
                euros(payment.amountCents + (payment.oneOffAidCents ?? 0)),
                euros(payment.fullMonthAmountCents),
                String(payment.children),
                payment.scaleReference,
                date(payment.paidOn),
              ])}
            />
          )}
          <Table
            caption="Emplois et formations"
            headers={['Activité', 'Début', 'Fin', 'Heures par semaine']}
            rows={[
              ...value.employments.map((job) => [
                CONTRACT_LABELS[job.contractType] ?? job.contractType,
                date(job.startDate),
                ending(job),
                hours(job.weeklyHours),
              ]),
              ...(value.trainings ?? []).map((training) => [
                'Formation (hors emploi)',
                date(training.startDate),
                ending(training),
                hours(training.weeklyHours),
              ]),
            ]}
          />
          {has(me, 'ASSOCIATION') && running.length > 0 && (
            <EndActivityForm
              departement={d}
              dossierId={dossierId}
              running={running}
              onRecorded={(message, activity) =>
                recorded(message, (rights) =>
                  [...rights.employments.map((job) => ({ id: job.employmentId, endedOn: job.endedOn })), ...(rights.trainings ?? []).map((t) => ({ id: t.trainingId, endedOn: t.endedOn }))].some(
                    (a) => a.id === activity && !!a.endedOn,
                  ),
                )
              }
            />
          )}
          {has(me, 'ASSOCIATION') && (
            <EmploymentForm
              departement={d}
              dossierId={dossierId}
              onRecorded={(message) => recorded(message, (rights) => rights.employments.length > jobs)}
            />
          )}
          {has(me, 'ASSOCIATION') && (
            <TrainingForm
              departement={d}
              dossierId={dossierId}
              onRecorded={(message) => recorded(message, (rights) => (rights.trainings ?? []).length > trainings)}
            />
          )}
        </>
      )}
    </>
  );
}

/** A job or a training that runs, as the association may end it. */
interface RunningActivity {
  kind: 'employment' | 'training';
  id: string;
  label: string;
}

const hours = (weeklyHours?: number) => (weeklyHours === undefined || weeklyHours === null ? '–' : String(weeklyHours).replace('.', ','));

/** How a job or a training ends: on the day it ended, or on the day its contract sets. */
function ending(activity: { endDate?: string; endedOn?: string }) {
  if (activity.endedOn) {
    return `Terminé le ${date(activity.endedOn)}`;
  }
  return activity.endDate ? `Prévue le ${date(activity.endDate)}` : 'En cours';
}

function PermitSummary({ permit }: { permit: BeneficiaryView['permit'] }) {
  if (!permit) {
    return <p>Aucune décision</p>;
  }
  if (permit.status === 'REFUSED') {
    return (
      <p>
        Refusée le {date(permit.refusal?.decidedOn)} : {PERMIT_REFUSAL_LABELS[permit.refusal?.reason ?? ''] ?? permit.refusal?.reason}
      </p>
    );
  }
  if (permit.status === 'ENDED') {
    return (
      <p>
        Du {date(permit.validFrom)} au {date(permit.endedOn)}, {PERMIT_END_LABELS[permit.endReason ?? ''] ?? permit.endReason}
      </p>
    );
  }
  return (
    <p>
      Du {date(permit.validFrom)} au {date(permit.validUntil)}
    </p>
  );
}

function AfisSummary({ afis }: { afis: BeneficiaryView['afis'] }) {
  if (!afis) {
    return <p>Aucune demande</p>;
  }
  const last = afis.requests?.[afis.requests.length - 1];
  switch (afis.status) {
    case 'REQUESTED':
      return <p>Demandée le {date(last?.requestedOn)} : en attente de la décision du préfet</p>;
    case 'REFUSED':
      return (
        <>
          <p>Refusée le {date(last?.decidedOn)} :</p>
          <ul>
            {(last?.refusalReasons ?? []).map((reason) => (
              <li key={reason}>{AFIS_REFUSAL_LABELS[reason] ?? reason}</li>
            ))}
          </ul>
        </>
      );
    case 'GRANTED':
      return (
        <p>
          Accordée du {date(afis.from)} au {date(afis.until)}
        </p>
      );
    case 'SUSPENDED': {
      const suspension = afis.suspensions?.[afis.suspensions.length - 1];
      return (
        <p>
          Suspendue à partir de {month(suspension?.fromMonth)} : {AFIS_STOP_LABELS[suspension?.reason ?? '']?.toLowerCase() ?? suspension?.reason}{' '}
          (accordée du {date(afis.from)} au {date(afis.until)})
        </p>
      );
    }
    case 'ENDED':
      return (
        <p>
          Terminée le {date(afis.endedOn)} : {AFIS_END_LABELS[afis.endReason ?? ''] ?? afis.endReason}
        </p>
      );
  }
}

/** Sends a form's body; the problem, if refused, goes to the form's fields. */
function useSubmit(send: () => Promise<string>, onDone: (message: string) => void) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      onDone(await send());
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return { problem, submit, errors: fieldErrors(problem) };
}

type Recorded = (message: string) => void;

/** The préfecture's decision to issue the residence permit (APS), six months at least. */
function PermitForm({ departement, dossierId, onRecorded }: { departement: string; dossierId: string; onRecorded: Recorded }) {
  const [decidedOn, setDecidedOn] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [ceased, setCeased] = useState<boolean | null>(null);
  const form = useSubmit(
    () =>
      post(`/api/departements/${departement}/beneficiaries/${dossierId}/permit`, {
        decidedOn: decidedOn || null,
        validFrom: validFrom || null,
        validUntil: validUntil || null,
        ceasedProstitution: ceased,
      }).then(() => "L'autorisation provisoire de séjour est délivrée."),
    onRecorded,
  );
  return (
    <form onSubmit={form.submit} noValidate className="fr-mb-4w" aria-labelledby="titre-aps">
      <h2 id="titre-aps">Délivrer l'autorisation provisoire de séjour</h2>
      <ProblemAlert
        problem={form.problem}
        labels={{ decidedOn: 'Date de la décision', validFrom: 'Valable à partir du', validUntil: "Valable jusqu'au", ceasedProstitution: 'Cessation' }}
      />
      <Input label="Date de la décision" type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={form.errors.decidedOn} />
      <Input label="Valable à partir du" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} error={form.errors.validFrom} />
      <Input
        label="Valable jusqu'au"
        hint="Six mois au moins, avec le droit de travailler"
        type="date"
        value={validUntil}
        onChange={(e) => setValidUntil(e.target.value)}
        error={form.errors.validUntil}
      />
      <YesNo
        legend="La personne a cessé l'activité prostitutionnelle"
        name="cessation"
        value={ceased}
        onChange={setCeased}
        error={form.errors.ceasedProstitution}
      />
      <button className="fr-btn" type="submit">
        Délivrer l'autorisation
      </button>
    </form>
  );
}

/** The association's AFIS request: the household and the resources of the month before. */
function AfisRequestForm({ departement, dossierId, onRecorded }: { departement: string; dossierId: string; onRecorded: Recorded }) {
  const [requestedOn, setRequestedOn] = useState('');
  const [children, setChildren] = useState('');
  const [resources, setResources] = useState('');
  const [rsa, setRsa] = useState<boolean | null>(null);
  const [ada, setAda] = useState<boolean | null>(null);
  const [document, setDocument] = useState('NONE');
  const form = useSubmit(
    () =>
      post(`/api/departements/${departement}/beneficiaries/${dossierId}/afis/requests`, {
        requestedOn: requestedOn || null,
        children: children === '' ? null : Number(children),
        previousMonthResources: resources === '' ? null : resources.replace(',', '.'),
        receivesRsa: rsa,
        receivesAda: ada,
        residenceDocument: document,
      }).then(() => "La demande d'AFIS est transmise au préfet."),
    onRecorded,
  );
  return (
    <form onSubmit={form.submit} noValidate className="fr-mb-4w" aria-labelledby="titre-demande-afis">
      <h2 id="titre-demande-afis">Demander l'AFIS</h2>
      <ProblemAlert
        problem={form.problem}
        labels={{
          requestedOn: 'Date de la demande',
          children: "Nombre d'enfants à charge",
          previousMonthResources: 'Ressources du mois précédent',
          receivesRsa: 'RSA',
          receivesAda: 'ADA',
          residenceDocument: 'Document de séjour',
        }}
      />
      <Input label="Date de la demande" type="date" value={requestedOn} onChange={(e) => setRequestedOn(e.target.value)} error={form.errors.requestedOn} />
      <Input
        label="Nombre d'enfants à charge"
        inputMode="numeric"
        value={children}
        onChange={(e) => setChildren(e.target.value)}
        error={form.errors.children}
      />
      <Input
        label="Ressources du mois précédent (€)"
        inputMode="decimal"
        value={resources}
        onChange={(e) => setResources(e.target.value)}
        error={form.errors.previousMonthResources}
      />
      <YesNo legend="Perçoit le RSA ou y a droit" name="rsa" value={rsa} onChange={setRsa} error={form.errors.receivesRsa} />
      <YesNo legend="Perçoit l'ADA ou y a droit" name="ada" value={ada} onChange={setAda} error={form.errors.receivesAda} />
      <Select
        label="Autre document de séjour"
        value={document}
        onChange={(e) => setDocument(e.target.value)}
        options={Object.entries(RESIDENCE_DOCUMENT_LABELS)}
        error={form.errors.residenceDocument}
      />
      <button className="fr-btn" type="submit">
        Transmettre la demande
      </button>
    </form>
  );
}

/** The préfet's decision on a pending AFIS request: the conditions are assessed at its date. */
function AfisDecisionForm({
  departement,
  dossierId,
  request,
  onRecorded,
}: {
  departement: string;
  dossierId: string;
  request: AfisRequest;
  onRecorded: Recorded;
}) {
  const [decidedOn, setDecidedOn] = useState('');
  const form = useSubmit(async () => {
    const answer = await post<{ status: string; refusalReasons?: string[] }>(
      `/api/departements/${departement}/beneficiaries/${dossierId}/afis/requests/${request.requestId}/decision`,
      { decidedOn: decidedOn || null },
    );
    return answer.status === 'GRANTED'
      ? "L'AFIS est accordée."
      : `L'AFIS est refusée : ${(answer.refusalReasons ?? []).map((reason) => AFIS_REFUSAL_LABELS[reason] ?? reason).join(', ')}.`;
  }, onRecorded);
  return (
    <form onSubmit={form.submit} noValidate className="fr-mb-4w" aria-labelledby="titre-decision-afis">
      <h2 id="titre-decision-afis">Statuer sur la demande d'AFIS du {date(request.requestedOn)}</h2>
      <p className="fr-text--sm">Les conditions sont appréciées à la date de la décision ; un refus en donne tous les motifs.</p>
      <ProblemAlert problem={form.problem} labels={{ decidedOn: 'Date de la décision' }} />
      <Input label="Date de la décision sur l'AFIS" type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={form.errors.decidedOn} />
      <button className="fr-btn" type="submit">
        Statuer
      </button>
    </form>
  );
}

/**
 * The préfet's decisions on a running AFIS: suspend it or stop it (with the reason), or lift its
 * suspension. Each takes effect from the month after the decision; a month already paid that is
 * no longer due becomes an overpayment to recover.
 */
function RunningAfisForm({
  departement,
  dossierId,
  suspended,
  onRecorded,
}: {
  departement: string;
  dossierId: string;
  suspended: boolean;
  onRecorded: (message: string, shows: (rights: BeneficiaryView) => boolean) => void;
}) {
  const choices: [string, string][] = suspended
    ? [
        ['resumption', 'Lever la suspension'],
        ['stop', "Mettre fin à l'AFIS"],
      ]
    : [
        ['suspension', "Suspendre l'AFIS"],
        ['stop', "Mettre fin à l'AFIS"],
      ];
  const [action, setAction] = useState(choices[0][0]);
  const chosen = choices.some(([value]) => value === action) ? action : choices[0][0];
  const [decidedOn, setDecidedOn] = useState('');
  const [reason, setReason] = useState('');
  const withReason = chosen !== 'resumption';
  const outcome: Record<string, [string, (rights: BeneficiaryView) => boolean]> = {
    suspension: ["L'AFIS est suspendue à partir du mois suivant la décision.", (rights) => rights.afis?.status === 'SUSPENDED'],
    resumption: ["La suspension de l'AFIS est levée à partir du mois suivant la décision.", (rights) => rights.afis?.status === 'GRANTED'],
    stop: ["L'AFIS prend fin avec le mois de la décision.", (rights) => rights.afis?.status === 'ENDED'],
  };
  const form = useSubmit(
    () =>
      post(
        `/api/departements/${departement}/beneficiaries/${dossierId}/afis/${chosen}`,
        withReason ? { decidedOn: decidedOn || null, reason: reason || null } : { decidedOn: decidedOn || null },
      ).then(() => chosen),
    (done) => {
      setDecidedOn('');
      setReason('');
      onRecorded(outcome[done][0], outcome[done][1]);
    },
  );
  return (
    <form onSubmit={form.submit} noValidate className="fr-mb-4w" aria-labelledby="titre-afis-en-cours">
      <h2 id="titre-afis-en-cours">Décider sur l'AFIS en cours</h2>
      <p className="fr-text--sm">La décision prend effet le mois suivant ; un mois déjà versé qui n'est plus dû est à récupérer.</p>
      <ProblemAlert problem={form.problem} labels={{ decidedOn: 'Date de la décision', reason: 'Motif' }} />
      <Select label="Décision" value={chosen} onChange={(e) => setAction(e.target.value)} options={choices} />
      <Input label="Date de la décision" type="date" value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={form.errors.decidedOn} />
      {withReason && (
        <Select
          label="Motif"
          placeholder="Choisir un motif"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          options={Object.entries(AFIS_STOP_LABELS)}
          error={form.errors.reason}
        />
      )}
      <button className="fr-btn" type="submit">
        Enregistrer la décision
      </button>
    </form>
  );
}

/** The association records the day a job or a training ended. */
function EndActivityForm({
  departement,
  dossierId,
  running,
  onRecorded,
}: {
  departement: string;
  dossierId: string;
  running: RunningActivity[];
  onRecorded: (message: string, activityId: string) => void;
}) {
  const [activityId, setActivityId] = useState('');
  const [endDate, setEndDate] = useState('');
  const activity = running.find((a) => a.id === activityId) ?? running[0];
  const form = useSubmit(
    () =>
      post(`/api/departements/${departement}/beneficiaries/${dossierId}/${activity.kind}/${activity.id}/end`, {
        endDate: endDate || null,
      }).then(() => activity.id),
    (ended) => {
      setEndDate('');
      setActivityId('');
      onRecorded(activity.kind === 'employment' ? "La fin de l'emploi est enregistrée." : 'La fin de la formation est enregistrée.', ended);
    },
  );
  return (
    <form onSubmit={form.submit} noValidate className="fr-mt-4w" aria-labelledby="titre-fin-activite">
      <h2 id="titre-fin-activite">Enregistrer la fin d'un emploi ou d'une formation</h2>
      <ProblemAlert problem={form.problem} labels={{ endDate: 'Dernier jour' }} />
      <Select
        label="Emploi ou formation qui prend fin"
        value={activity.id}
        onChange={(e) => setActivityId(e.target.value)}
        options={running.map((a) => [a.id, a.label] as [string, string])}
      />
      <Input label="Dernier jour" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} error={form.errors.endDate} />
      <button className="fr-btn" type="submit">
        Enregistrer la fin
      </button>
    </form>
  );
}

/** A training apart from a job: its start, its planned end and its hours, when known. */
function TrainingForm({ departement, dossierId, onRecorded }: { departement: string; dossierId: string; onRecorded: Recorded }) {
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [weeklyHours, setWeeklyHours] = useState('');
  const form = useSubmit(
    () =>
      post(`/api/departements/${departement}/beneficiaries/${dossierId}/training`, {
        startDate: startDate || null,
        endDate: endDate || null,
        weeklyHours: weeklyHours === '' ? null : weeklyHours.replace(',', '.'),
      }).then(() => 'La formation est enregistrée.'),
    onRecorded,
  );
  return (
    <form onSubmit={form.submit} noValidate className="fr-mt-4w" aria-labelledby="titre-formation">
      <h2 id="titre-formation">Enregistrer une formation</h2>
      <ProblemAlert
        problem={form.problem}
        labels={{ startDate: 'Début de la formation', endDate: 'Fin prévue de la formation', weeklyHours: 'Heures de formation par semaine' }}
      />
      <Input label="Début de la formation" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} error={form.errors.startDate} />
      <Input
        label="Fin prévue de la formation"
        hint="Facultatif"
        type="date"
        value={endDate}
        onChange={(e) => setEndDate(e.target.value)}
        error={form.errors.endDate}
      />
      <Input
        label="Heures de formation par semaine"
        hint="Facultatif"
        inputMode="decimal"
        value={weeklyHours}
        onChange={(e) => setWeeklyHours(e.target.value)}
        error={form.errors.weeklyHours}
      />
      <button className="fr-btn" type="submit">
        Enregistrer la formation
      </button>
    </form>
  );
}

function EmploymentForm({
  departement,
  dossierId,
  onRecorded,
}: {
  departement: string;
  dossierId: string;
  onRecorded: Recorded;
}) {
  const [contractType, setContractType] = useState('');
  const [startDate, setStartDate] = useState('');
  const [weeklyHours, setWeeklyHours] = useState('');
  const form = useSubmit(
    () =>
      post(`/api/departements/${departement}/beneficiaries/${dossierId}/employment`, {
        contractType: contractType || null,
        startDate: startDate || null,
        weeklyHours: weeklyHours === '' ? null : Number(weeklyHours.replace(',', '.')),
      }).then(() => "L'emploi est enregistré."),
    onRecorded,
  );
  const errors = form.errors;
  return (
    <form onSubmit={form.submit} noValidate className="fr-mt-4w" aria-labelledby="titre-emploi">
      <h2 id="titre-emploi">Enregistrer un emploi</h2>
      <ProblemAlert problem={form.problem} labels={{ contractType: 'Contrat', startDate: 'Début', weeklyHours: 'Heures par semaine' }} />
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
