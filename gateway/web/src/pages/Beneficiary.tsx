import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Select, Success, YesNo } from '../components/Fields';
import { Table } from '../components/Table';
import {
  AFIS_END_LABELS,
  AFIS_REFUSAL_LABELS,
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
            headers={['Contrat', 'Début', 'Heures par semaine']}
            rows={value.employments.map((job) => [
              CONTRACT_LABELS[job.contractType] ?? job.contractType,
              date(job.startDate),
              String(job.weeklyHours).replace('.', ','),
            ])}
          />
          {has(me, 'ASSOCIATION') && (
            <EmploymentForm
              departement={d}
              dossierId={dossierId}
              onRecorded={(message) => recorded(message, (rights) => rights.employments.length > jobs)}
            />
          )}
        </>
      )}
    </>
  );
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
    case 'SUSPENDED':
      return <p>Suspendue (accordée depuis le {date(afis.from)})</p>;
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
    <form onSubmit={form.submit} noValidate className="fr-mt-4w">
      <h2>Enregistrer un emploi ou une formation</h2>
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
