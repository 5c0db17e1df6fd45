import { useState } from 'react';
import { get } from '../api';
import { ProblemAlert, Success } from '../components/Fields';
import { Table } from '../components/Table';
import { date, dateTime, ROLE_LABELS, shortId } from '../labels';
import { asProblem, useLoad } from '../load';
import type { Problem } from '../problems';
import { Link } from '../router';
import { firstDepartement, has, useMe } from '../session';

interface HistoryEntry {
  kind: 'EVENT' | 'ACCESS';
  type: string;
  service: string;
  domainDate?: string;
  recordedAt: string;
  actor?: { subject: string; roles: string[] };
  requestId?: string;
}

interface DossierHistory {
  dossierId: string;
  erased: boolean;
  withAccessLog: boolean;
  entries: HistoryEntry[];
}

interface Verification {
  verifiedAt: string;
  intact: boolean;
  links: number;
  subjects: number;
  brokenSubjects: number;
}

/** What each published event means, in the words of the people who caused it. */
const EVENT_LABELS: Record<string, string> = {
  'dossier-submitted': 'Dossier déposé',
  'renewal-requested': 'Renouvellement demandé',
  'personal-data-erasure-due': 'Effacement des données annoncé',
  'personal-data-erased': 'Données personnelles effacées',
  'opinion-recorded': 'Avis de la commission',
  'pathway-validated': 'Parcours autorisé',
  'pathway-refused': 'Parcours refusé',
  'pathway-renewed': 'Parcours renouvelé',
  'pathway-renewal-refused': 'Renouvellement refusé',
  'pathway-ended': 'Fin du parcours',
  'permit-issued': 'Autorisation de séjour délivrée',
  'permit-renewed': 'Autorisation de séjour renouvelée',
  'permit-refused': 'Autorisation de séjour refusée',
  'permit-ended': 'Fin de l’autorisation de séjour',
  'afis-requested': 'AFIS demandée',
  'afis-granted': 'AFIS accordée',
  'afis-refused': 'AFIS refusée',
  'afis-renewed': 'AFIS prolongée',
  'afis-suspended': 'AFIS suspendue',
  'afis-resumed': 'AFIS reprise',
  'afis-ended': 'Fin de l’AFIS',
  'afis-paid': 'AFIS versée',
  'afis-reassessed': 'AFIS recalculée',
  'afis-overpayment-recorded': 'Trop-perçu d’AFIS',
  'employment-recorded': 'Emploi enregistré',
  'employment-ended': 'Fin d’emploi',
  'training-recorded': 'Formation enregistrée',
  'training-ended': 'Fin de formation',
  'housing-step-recorded': 'Étape de logement',
};

/** `passerelle.decision.pathway-validated.v1` → « Parcours autorisé ». */
const what = (entry: HistoryEntry) => {
  if (entry.kind === 'ACCESS') {
    return `Accès aux données personnelles : ${entry.type}`;
  }
  const name = entry.type.split('.').slice(-2, -1)[0] ?? entry.type;
  return EVENT_LABELS[name] ?? name;
};

/**
 * A dossier's history for an auditor (and the département's staff): every event of every service in
 * the order it was recorded, its date in the world beside its recording time, who acted and from
 * which request; for an auditor, the personal-data reads interleaved, and the verification of the
 * département's chains.
 */
export function History({ dossierId }: { dossierId: string }) {
  const me = useMe();
  const d = firstDepartement(me);
  const history = useLoad(() => get<DossierHistory>(`/api/departements/${d}/dossiers/${dossierId}/history`), [d, dossierId]);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const verify = async () => {
    setProblem(null);
    setVerification(null);
    try {
      setVerification(await get<Verification>(`/api/departements/${d}/audit/verify`));
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  const value = history.value;
  return (
    <>
      <h1>Historique du dossier {shortId(dossierId)}</h1>
      <p>
        <Link to={`/dossiers/${dossierId}`}>Retour au dossier</Link>
      </p>
      <ProblemAlert problem={history.problem} />
      {value?.erased && <p>Les données personnelles de ce dossier ont été effacées ; les faits de son historique demeurent.</p>}
      {value && (
        <Table
          caption="Historique du dossier"
          scrollable
          headers={['Événement', 'Date des faits', 'Enregistré le', 'Service', 'Par', 'Requête']}
          rows={value.entries.map((entry) => [
            what(entry),
            date(entry.domainDate),
            dateTime(entry.recordedAt),
            entry.service,
            entry.actor ? `${entry.actor.subject} (${entry.actor.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')})` : 'La plateforme',
            entry.requestId ? shortId(entry.requestId) : '–',
          ])}
        />
      )}
      {has(me, 'AUDITOR') && (
        <section aria-labelledby="titre-verification" className="fr-mt-4w">
          <h2 id="titre-verification">Intégrité de l'historique</h2>
          <p>Chaque événement reçu est chaîné au précédent (SHA-256) ; la vérification recalcule les chaînes du département.</p>
          <button className="fr-btn fr-btn--secondary" type="button" onClick={verify}>
            Vérifier l'intégrité de l'historique du département
          </button>
          <ProblemAlert problem={problem} />
          {verification?.intact && (
            <Success>
              Historique intact : {verification.links} maillons et {verification.subjects} dossiers vérifiés le {dateTime(verification.verifiedAt)}.
            </Success>
          )}
          {verification && !verification.intact && (
            <div className="fr-alert fr-alert--error fr-mt-2w" role="alert">
              <h3 className="fr-alert__title">Historique altéré</h3>
              <p>
                {verification.brokenSubjects} dossier{verification.brokenSubjects > 1 ? 's' : ''} dont la chaîne est rompue sur{' '}
                {verification.subjects} vérifiés.
              </p>
            </div>
          )}
        </section>
      )}
    </>
  );
}
