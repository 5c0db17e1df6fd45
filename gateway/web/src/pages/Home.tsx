import { get } from '../api';
import { ProblemAlert } from '../components/Fields';
import { date, departementName, ROLE_LABELS } from '../labels';
import { useLoad } from '../load';
import { Link } from '../router';
import { firstDepartement, has, isNational, useMe } from '../session';
import type { DossierSummary, ErasureDue, PendingDossier } from './types';

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
