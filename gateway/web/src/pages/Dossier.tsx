import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Success, Textarea } from '../components/Fields';
import { date, dateTime, END_LABELS, shortId, STAGE_LABELS, STATUS_LABELS } from '../labels';
import { asProblem, useLoad } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { Link, useLocation } from '../router';
import { firstDepartement, has, useMe } from '../session';
import { Erasure } from './Erasure';
import type { DossierView, PathwayView } from './types';

/** One dossier with the person's identity (each reading is recorded in the access log). */
export function Dossier({ dossierId }: { dossierId: string }) {
  const me = useMe();
  const d = firstDepartement(me);
  const { query } = useLocation();
  const dossier = useLoad(() => get<DossierView>(`/api/departements/${d}/dossiers/${dossierId}`), [d, dossierId]);
  const pathway = useLoad(
    () => get<PathwayView>(`/api/departements/${d}/pathways/${dossierId}`).catch(() => null),
    [d, dossierId],
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(
    query.has('depose') ? 'Le dossier est déposé : il attend une séance de la commission.' : query.has('enregistre') ? 'Le brouillon est enregistré.' : null,
  );
  const act = async (path: string, message: string) => {
    setProblem(null);
    try {
      await post(`/api/departements/${d}/dossiers/${dossierId}/${path}`);
      setDone(message);
      dossier.reload();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  const value = dossier.value;
  return (
    <>
      <h1>Dossier {shortId(dossierId)}</h1>
      {done && <Success>{done}</Success>}
      <ProblemAlert problem={dossier.problem ?? problem} />
      {value && (
        <>
          <p>
            <span className="fr-badge">{STATUS_LABELS[value.status] ?? value.status}</span>
          </p>
          <dl>
            <dt className="fr-text--bold">Créé le</dt>
            <dd>{dateTime(value.draftedAt)}</dd>
            <dt className="fr-text--bold">Déposé le</dt>
            <dd>{dateTime(value.submittedAt)}</dd>
          </dl>
          {pathway.value && (
            <>
              <h2>Le parcours</h2>
              <dl>
                <dt className="fr-text--bold">Étape</dt>
                <dd>{STAGE_LABELS[pathway.value.stage] ?? pathway.value.stage}</dd>
                {pathway.value.termNumber > 0 && (
                  <>
                    <dt className="fr-text--bold">Autorisation en cours</dt>
                    <dd>
                      n° {pathway.value.termNumber}, du {date(pathway.value.termStartDate)} au {date(pathway.value.termEndDate)} (
                      {pathway.value.totalMonths} mois en tout, 24 au plus)
                    </dd>
                  </>
                )}
                {pathway.value.endReason && (
                  <>
                    <dt className="fr-text--bold">Fin</dt>
                    <dd>
                      {END_LABELS[pathway.value.endReason] ?? pathway.value.endReason}, dernier jour le {date(pathway.value.lastDay)}
                    </dd>
                  </>
                )}
              </dl>
            </>
          )}
          <h2>La personne accompagnée</h2>
          {value.person ? (
            <dl>
              <dt className="fr-text--bold">Nom</dt>
              <dd>{value.person.lastName ?? '–'}</dd>
              <dt className="fr-text--bold">Prénom</dt>
              <dd>{value.person.firstName ?? '–'}</dd>
              <dt className="fr-text--bold">Date de naissance</dt>
              <dd>{date(value.person.birthDate)}</dd>
              <dt className="fr-text--bold">Téléphone</dt>
              <dd>{value.person.phone ?? '–'}</dd>
              <dt className="fr-text--bold">Courriel</dt>
              <dd>{value.person.email ?? '–'}</dd>
            </dl>
          ) : (
            <p>Les données personnelles de ce dossier ne sont plus disponibles.</p>
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {has(me, 'ASSOCIATION') && value.status === 'DRAFT' && (
              <>
                <li>
                  <Link className="fr-btn" to={`/dossiers/${dossierId}/modifier`}>
                    Modifier le brouillon
                  </Link>
                </li>
                <li>
                  <button
                    className="fr-btn fr-btn--secondary"
                    type="button"
                    onClick={() => act('submission', 'Le dossier est déposé : il attend une séance de la commission.')}
                  >
                    Déposer le dossier
                  </button>
                </li>
                <li>
                  <button
                    className="fr-btn fr-btn--tertiary"
                    type="button"
                    onClick={() => act('withdrawal', 'Le brouillon est retiré.')}
                  >
                    Retirer le brouillon
                  </button>
                </li>
              </>
            )}
            {has(me, 'ASSOCIATION', 'PREFECTURE', 'AUDITOR') && value.status === 'SUBMITTED' && (
              <li>
                <Link className="fr-btn fr-btn--secondary" to={`/beneficiaires/${dossierId}`}>
                  Droits du bénéficiaire
                </Link>
              </li>
            )}
            {has(me, 'SECRETARIAT', 'PREFECTURE', 'AUDITOR') && (
              <li>
                <Link className="fr-btn fr-btn--tertiary" to={`/dossiers/${dossierId}/historique`}>
                  Historique du dossier
                </Link>
              </li>
            )}
          </ul>
          {has(me, 'ASSOCIATION') && pathway.value?.stage === 'RUNNING' && (
            <RenewalRequest departement={d} dossierId={dossierId} onRequested={pathway.reload} />
          )}
          <Erasure departement={d} dossier={value} onChange={dossier.reload} />
        </>
      )}
    </>
  );
}

/**
 * The association asks for the renewal of the running pathway: what was achieved during the term,
 * and the plan for the next one. The request goes to the commission's next session.
 */
function RenewalRequest({ departement, dossierId, onRequested }: { departement: string; dossierId: string; onRequested: () => void }) {
  const [requestedOn, setRequestedOn] = useState('');
  const [achievements, setAchievements] = useState('');
  const [plan, setPlan] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const errors = fieldErrors(problem);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(false);
    try {
      await post(`/api/departements/${departement}/dossiers/${dossierId}/renewal-requests`, {
        requestedOn: requestedOn || null,
        achievements: achievements || null,
        plan: plan || null,
      });
      setDone(true);
      onRequested();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <section aria-labelledby="titre-renouvellement" className="fr-mt-4w">
      <h2 id="titre-renouvellement">Demande de renouvellement</h2>
      {done ? (
        <Success>La demande de renouvellement est transmise à la commission.</Success>
      ) : (
        <form onSubmit={submit} noValidate>
          <ProblemAlert
            problem={problem}
            labels={{ requestedOn: 'Date de la demande', achievements: 'Ce qui a été accompli', plan: 'Projet pour la période suivante' }}
          />
          <Input
            label="Date de la demande de renouvellement"
            type="date"
            value={requestedOn}
            onChange={(e) => setRequestedOn(e.target.value)}
            error={errors.requestedOn}
          />
          <Textarea
            label="Ce qui a été accompli"
            hint="Pendant l'autorisation en cours : logement, santé, formation, emploi…"
            value={achievements}
            onChange={(e) => setAchievements(e.target.value)}
            error={errors.achievements}
          />
          <Textarea
            label="Projet pour la période suivante"
            value={plan}
            onChange={(e) => setPlan(e.target.value)}
            error={errors.plan}
          />
          <button className="fr-btn" type="submit">
            Demander le renouvellement
          </button>
        </form>
      )}
    </section>
  );
}
