import { get } from '../api';
import { ProblemAlert } from '../components/Fields';
import { date, departementName, month, ROLE_LABELS } from '../labels';
import { useLoad } from '../load';
import { Link } from '../router';
import { firstDepartement, has, isNational, useMe } from '../session';
import type { DossierSummary, ErasureDue, PendingDossier, TodoItem } from './types';

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

interface Task {
  text: string;
  to: string;
  action: string;
}

/** The home page: the person's to-do list, from what the platform knows now. */
export function Home() {
  const me = useMe();
  const d = firstDepartement(me);
  const tasks = useLoad<Task[]>(async () => {
    const list: Task[] = [];
    if (has(me, 'ASSOCIATION')) {
      const dossiers = await get<DossierSummary[]>(`/api/departements/${d}/dossiers`);
      const drafts = dossiers.filter((dossier) => dossier.status === 'DRAFT').length;
      list.push({
        text: `${drafts} brouillon${drafts > 1 ? 's' : ''} à compléter et déposer`,
        to: '/dossiers',
        action: 'Voir mes dossiers',
      });
      list.push({ text: "Une nouvelle personne à accompagner ?", to: '/dossiers/nouveau', action: 'Créer un dossier' });
    }
    if (has(me, 'SECRETARIAT', 'PREFECTURE')) {
      const pending = await get<PendingDossier[]>(`/api/departements/${d}/commission/pending-dossiers`);
      if (has(me, 'SECRETARIAT')) {
        list.push({
          text: `${pending.length} dossier${pending.length > 1 ? 's' : ''} en attente d'une séance de la commission`,
          to: '/commission',
          action: "Préparer l'ordre du jour",
        });
      }
      if (has(me, 'PREFECTURE')) {
        list.push({
          text: `${pending.length} dossier${pending.length > 1 ? 's' : ''} déposé${pending.length > 1 ? 's' : ''} en cours d'instruction`,
          to: '/prefecture/decisions',
          action: 'Décisions à prendre',
        });
        list.push({ text: 'Agréer une association', to: '/prefecture/associations', action: 'Associations agréées' });
      }
    }
    if (has(me, 'PREFECTURE')) {
      const dossiers = await get<DossierSummary[]>(`/api/departements/${d}/dossiers`);
      const requests = dossiers.filter((dossier) => dossier.erasureReceivedOn && !dossier.erasedAt).length;
      if (requests > 0) {
        list.push({
          text: `${requests} demande${requests > 1 ? 's' : ''} d'effacement à confirmer (par un autre agent que celui qui l'a enregistrée)`,
          to: '/dossiers',
          action: 'Effacements à confirmer',
        });
      }
    }
    if (has(me, 'ASSOCIATION', 'PREFECTURE')) {
      const due = await get<ErasureDue[]>(`/api/departements/${d}/erasures-due`);
      if (due.length > 0) {
        list.push({
          text: `${due.length} dossier${due.length > 1 ? 's' : ''} dont les données personnelles seront effacées à la fin de leur durée de conservation, le premier le ${date(due[0].erasureOn)}`,
          to: '/dossiers',
          action: 'Effacements prévus',
        });
      }
    }
    if (has(me, 'ASSOCIATION', 'SECRETARIAT', 'PREFECTURE')) {
      const pathways = await get<TodoItem[]>(`/api/departements/${d}/pathways/todo`);
      const of = (kind: string) => pathways.filter((item) => item.kind === kind);
      const renewals = of('RENEWAL_DUE');
      if (renewals.length > 0) {
        list.push({
          text: `${plural(renewals.length, 'parcours')} arrivant à échéance d'ici 30 jours sans demande de renouvellement, le premier le ${date(renewals[0].dueOn)}`,
          to: `/dossiers/${renewals[0].subject}`,
          action: 'Renouvellements à demander',
        });
      }
      const awaitingSession = of('RENEWAL_AWAITING_SESSION');
      if (awaitingSession.length > 0) {
        list.push({
          text: `${plural(awaitingSession.length, 'demande')} de renouvellement à inscrire à l'ordre du jour d'une séance`,
          to: '/commission',
          action: 'Renouvellements à examiner',
        });
      }
      const decisions = of('DECISION_DUE');
      if (decisions.length > 0) {
        list.push({
          text: `${plural(decisions.length, 'avis')} de la commission en attente de la décision du préfet`,
          to: '/prefecture/decisions',
          action: 'Décisions après avis',
        });
      }
    }
    if (has(me, 'PREFECTURE', 'PAYING_BODY')) {
      const rights = await get<TodoItem[]>(`/api/departements/${d}/rights/todo`);
      const tasks: [string, string, (n: number) => string][] = [
        ['PERMIT_TO_DECIDE', 'Titres de séjour à décider', (n) => `${plural(n, 'autorisation')} provisoire${n > 1 ? 's' : ''} de séjour à décider`],
        ['PERMIT_EXPIRING', 'Titres de séjour à échéance', (n) => `${plural(n, 'autorisation')} provisoire${n > 1 ? 's' : ''} de séjour expirant d'ici 30 jours`],
        ['AFIS_REQUEST_TO_DECIDE', "Demandes d'AFIS à décider", (n) => `${plural(n, 'demande')} d'AFIS en attente de la décision du préfet`],
      ];
      for (const [kind, action, text] of tasks) {
        const items = rights.filter((item) => item.kind === kind);
        if (items.length > 0) {
          list.push({ text: text(items.length), to: `/beneficiaires/${items[0].subject}`, action });
        }
      }
      for (const run of rights.filter((item) => item.kind === 'PAYMENT_RUN_DUE')) {
        list.push({
          text: `Le versement de l'AFIS de ${month(run.subject)} n'est pas encore fait (au plus tard le ${date(run.dueOn)})`,
          to: '/versements',
          action: "Versement de l'AFIS",
        });
      }
    }
    if (has(me, 'PREFECTURE')) {
      const approvals = await get<TodoItem[]>(`/api/departements/${d}/associations/todo`);
      const expiring = approvals.filter((item) => item.kind === 'APPROVAL_EXPIRING').length;
      const expired = approvals.filter((item) => item.kind === 'APPROVAL_EXPIRED_WITH_DOSSIERS').length;
      if (expiring + expired > 0) {
        list.push({
          text: [
            expiring > 0 ? `${plural(expiring, 'agrément')} d'association arrivant à échéance d'ici 60 jours` : '',
            expired > 0 ? `${plural(expired, 'agrément')} expiré${expired > 1 ? 's' : ''} alors que des parcours sont suivis` : '',
          ]
            .filter(Boolean)
            .join(' ; '),
          to: '/prefecture/associations',
          action: 'Agréments à renouveler',
        });
      }
    }
    if (has(me, 'PAYING_BODY')) {
      list.push({ text: "Consulter les droits d'un bénéficiaire", to: '/beneficiaires', action: 'Rechercher un dossier' });
    }
    if (has(me, 'AUDITOR')) {
      list.push({ text: 'Vérifier qui a consulté des données personnelles', to: '/journal-des-acces', action: 'Journal des accès' });
    }
    if (has(me, 'SECRETARIAT', 'PREFECTURE', 'AUDITOR', 'ANALYST', 'ADMIN')) {
      list.push({ text: 'Suivre les chiffres du département', to: '/tableau-de-bord', action: 'Bilan départemental' });
    }
    if (has(me, 'ANALYST', 'AUDITOR', 'ADMIN') && isNational(me)) {
      list.push({ text: 'Comparer les départements', to: '/tableau-de-bord/national', action: 'Bilan national' });
    }
    return list;
  }, [me.username]);

  return (
    <>
      <h1>Bonjour</h1>
      <p className="fr-text--lead">
        Vous êtes connecté en tant que {me.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}
        {isNational(me) ? ' (tous les départements)' : ` – ${me.departements.map(departementName).join(', ')}`}.
      </p>
      <h2>À faire</h2>
      <ProblemAlert problem={tasks.problem} />
      {tasks.value === null && !tasks.problem && <p>Chargement…</p>}
      {tasks.value && (
        <div className="fr-grid-row fr-grid-row--gutters">
          {tasks.value.map((task) => (
            <div className="fr-col-12 fr-col-md-6" key={task.to + task.text}>
              <div className="fr-card fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h3 className="fr-card__title">
                      <Link to={task.to}>{task.action}</Link>
                    </h3>
                    <p className="fr-card__desc">{task.text}</p>
                  </div>
                </div>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
