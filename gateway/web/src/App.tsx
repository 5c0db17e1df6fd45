import { useCallback, useEffect, useState, type ReactElement } from "react";
import { loadMe, type Me } from './api';
import { Layout } from './components/Layout';
import { SessionLost } from './components/SessionLost';
import { asProblem } from './load';
import { AccessLog } from './pages/AccessLog';
import { Associations } from './pages/Associations';
import { Beneficiary, BeneficiarySearch } from './pages/Beneficiary';
import { Commission } from './pages/Commission';
import { DepartmentDashboard } from './pages/DepartmentDashboard';
import { Decisions } from './pages/Decisions';
import { Dossier } from './pages/Dossier';
import { DossierForm } from './pages/DossierForm';
import { Dossiers } from './pages/Dossiers';
import { History } from './pages/History';
import { Home } from './pages/Home';
import { NationalDashboard } from './pages/NationalDashboard';
import { PaymentRuns } from './pages/PaymentRuns';
import { NotFound, SignedInAgain, Welcome } from './pages/Welcome';
import { ProblemAlert } from './components/Fields';
import type { Problem } from './problems';
import { match, useLocation } from './router';
import { MeContext } from './session';

interface Page {
  pattern: string;
  title: string;
  roles: string[];
  render: (params: Record<string, string>) => ReactElement;
}

const STAFF_OF_DOSSIERS = ['ASSOCIATION', 'SECRETARIAT', 'PREFECTURE', 'AUDITOR'];
const REVIEWERS = ['SECRETARIAT', 'PREFECTURE', 'AUDITOR', 'ANALYST', 'ADMIN'];

/** Every page, the roles that may open it (the others are not offered it), and its title. */
const PAGES: Page[] = [
  { pattern: '/', title: 'Accueil', roles: [], render: () => <Home /> },
  { pattern: '/dossiers', title: 'Dossiers', roles: STAFF_OF_DOSSIERS, render: () => <Dossiers /> },
  { pattern: '/dossiers/nouveau', title: 'Nouveau dossier', roles: ['ASSOCIATION'], render: () => <DossierForm /> },
  {
    pattern: '/dossiers/:id/modifier',
    title: 'Modifier le brouillon',
    roles: ['ASSOCIATION'],
    render: (p) => <DossierForm dossierId={p.id} />,
  },
  {
    pattern: '/dossiers/:id/historique',
    title: 'Historique du dossier',
    roles: ['SECRETARIAT', 'PREFECTURE', 'AUDITOR'],
    render: (p) => <History dossierId={p.id} />,
  },
  { pattern: '/dossiers/:id', title: 'Dossier', roles: STAFF_OF_DOSSIERS, render: (p) => <Dossier dossierId={p.id} /> },
  {
    pattern: '/beneficiaires',
    title: 'Droits des bénéficiaires',
    roles: ['PAYING_BODY', 'PREFECTURE', 'AUDITOR', 'ASSOCIATION'],
    render: () => <BeneficiarySearch />,
  },
  {
    pattern: '/beneficiaires/:id',
    title: 'Droits du bénéficiaire',
    roles: ['PAYING_BODY', 'PREFECTURE', 'AUDITOR', 'ASSOCIATION'],
    render: (p) => <Beneficiary dossierId={p.id} />,
  },
  { pattern: '/versements', title: "Versements de l'AFIS", roles: ['PAYING_BODY'], render: () => <PaymentRuns /> },
  { pattern: '/commission', title: 'Commission', roles: ['SECRETARIAT'], render: () => <Commission /> },
  {
    pattern: '/commission/seances/:id',
    title: 'Séance de la commission',
    roles: ['SECRETARIAT'],
    render: (p) => <Commission sessionId={p.id} />,
  },
  { pattern: '/prefecture/decisions', title: 'Décisions du préfet', roles: ['PREFECTURE'], render: () => <Decisions /> },
  {
    pattern: '/prefecture/associations',
    title: 'Associations agréées',
    roles: ['PREFECTURE', 'ADMIN'],
    render: () => <Associations />,
  },
  { pattern: '/journal-des-acces', title: 'Journal des accès', roles: ['AUDITOR'], render: () => <AccessLog /> },
  { pattern: '/tableau-de-bord', title: 'Bilan départemental', roles: REVIEWERS, render: () => <DepartmentDashboard /> },
  {
    pattern: '/tableau-de-bord/national',
    title: 'Bilan national',
    roles: ['ANALYST', 'AUDITOR', 'ADMIN'],
    render: () => <NationalDashboard />,
  },
];

export function App() {
  const { path } = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    // The sign-in window's last page asks nothing: it tells its opener and closes.
    if (window.location.pathname === '/reconnecte') {
      return;
    }
    loadMe()
      .then(setMe)
      .catch((error) => setProblem(asProblem(error)));
  }, []);
  const signedInAgain = useCallback((again: Me) => setMe(again), []);

  if (path === '/reconnecte') {
    return <SignedInAgain />;
  }
  const found = PAGES.map((page) => ({ page, params: match(page.pattern, path) })).find((p) => p.params);
  const title = !me?.signedIn ? 'Connexion' : found ? found.page.title : 'Page introuvable';
  document.title = `${title} – Passerelle`;

  let content: ReactElement;
  if (problem) {
    content = <ProblemAlert problem={problem} />;
  } else if (!me) {
    content = <p aria-busy="true">Chargement…</p>;
  } else if (!me.signedIn) {
    content = <Welcome me={me} />;
  } else if (!found || (found.page.roles.length > 0 && !found.page.roles.some((role) => me.roles.includes(role)))) {
    content = <NotFound />;
  } else {
    content = found.page.render(found.params!);
  }
  return (
    <MeContext.Provider value={me}>
      <Layout me={me}>{content}</Layout>
      {me?.signedIn && <SessionLost onSignedIn={signedInAgain} />}
    </MeContext.Provider>
  );
}
