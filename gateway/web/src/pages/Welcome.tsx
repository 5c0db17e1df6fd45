import { useEffect } from 'react';
import type { Me } from '../api';
import { SIGNED_IN_AGAIN } from '../components/SessionLost';
import { Link, useLocation } from '../router';

/** For someone not signed in: what Passerelle is, and the way in. */
export function Welcome({ me }: { me: Me }) {
  const { path, query } = useLocation();
  const back = path === '/' ? '/' : path + (query.toString() ? `?${query}` : '');
  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <h1>Passerelle</h1>
        <p className="fr-text--lead">
          Les parcours de sortie de la prostitution, de la demande de l'association à la décision du préfet, aux droits
          ouverts et aux bilans de la commission départementale.
        </p>
        {query.has('deconnexion') && (
          <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
            <p>Vous êtes déconnecté.</p>
          </div>
        )}
        {query.get('connexion') === 'echec' && (
          <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
            <h2 className="fr-alert__title">La connexion a échoué</h2>
            <p>Votre fournisseur d'identité n'a pas confirmé votre connexion, ou vos droits sur la plateforme ne sont pas reconnus. Réessayez ; si cela se reproduit, contactez votre administrateur.</p>
          </div>
        )}
        {me.signInAvailable ? (
          <a className="fr-btn fr-btn--lg" href={`/connexion?retour=${encodeURIComponent(back)}`}>
            Se connecter
          </a>
        ) : (
          <div className="fr-alert fr-alert--info" role="status">
            <p>La connexion par navigateur n'est pas configurée sur cette plateforme ; l'API reste accessible avec un jeton.</p>
          </div>
        )}
      </div>
    </div>
  );
}

export function NotFound() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>Cette page n'existe pas, ou votre rôle ne permet pas de l'ouvrir.</p>
      <Link className="fr-link" to="/">
        Retour à l'accueil
      </Link>
    </>
  );
}

/** The sign-in window's last page: tells the page that asked that the person is back, and closes. */
export function SignedInAgain() {
  useEffect(() => {
    if (window.opener && !window.opener.closed) {
      window.opener.postMessage(SIGNED_IN_AGAIN, window.location.origin);
      window.close();
    }
  }, []);
  return (
    <main id="contenu" className="fr-container fr-py-5w">
      <h1>Vous êtes reconnecté</h1>
      <p>Vous pouvez fermer cette fenêtre et reprendre votre travail.</p>
      <a className="fr-link" href="/">
        Accueil de Passerelle
      </a>
    </main>
  );
}
