import type { ReactNode } from 'react';
import { csrfToken, type Me } from '../api';
import { ROLE_LABELS } from '../labels';
import { Link, useLocation } from '../router';
import { has } from '../session';

interface NavItem {
  to: string;
  label: string;
  roles: string[];
}

/** The menu: only what the person's roles may use. */
export const NAVIGATION: NavItem[] = [
  { to: '/', label: 'Accueil', roles: [] },
  { to: '/dossiers', label: 'Dossiers', roles: ['ASSOCIATION', 'SECRETARIAT', 'PREFECTURE', 'AUDITOR'] },
  { to: '/commission', label: 'Commission', roles: ['SECRETARIAT'] },
  { to: '/prefecture/decisions', label: 'Décisions', roles: ['PREFECTURE'] },
  { to: '/prefecture/associations', label: 'Associations agréées', roles: ['PREFECTURE', 'ADMIN'] },
  { to: '/beneficiaires', label: 'Droits des bénéficiaires', roles: ['PAYING_BODY', 'PREFECTURE'] },
  { to: '/versements', label: "Versements de l'AFIS", roles: ['PAYING_BODY'] },
  { to: '/journal-des-acces', label: 'Journal des accès', roles: ['AUDITOR'] },
  {
    to: '/tableau-de-bord',
    label: 'Bilan départemental',
    roles: ['SECRETARIAT', 'PREFECTURE', 'AUDITOR', 'ANALYST', 'ADMIN'],
  },
  { to: '/tableau-de-bord/national', label: 'Bilan national', roles: ['ANALYST', 'AUDITOR', 'ADMIN'] },
];

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const { path } = useLocation();
  const items = me?.signedIn ? NAVIGATION.filter((item) => item.roles.length === 0 || has(me, ...item.roles)) : [];
  const csrf = csrfToken();
  return (
    <>
      <div className="fr-skiplinks">
        <nav className="fr-container" role="navigation" aria-label="Accès rapide">
          <ul className="fr-skiplinks__list">
            <li>
              <a className="fr-link" href="#contenu">
                Contenu
              </a>
            </li>
            {items.length > 0 && (
              <li>
                <a className="fr-link" href="#menu">
                  Menu
                </a>
              </li>
            )}
          </ul>
        </nav>
      </div>
      <header role="banner" className="fr-header">
        <div className="fr-header__body">
          <div className="fr-container">
            <div className="fr-header__body-row">
              <div className="fr-header__brand fr-enlarge-link">
                <div className="fr-header__brand-top">
                  <div className="fr-header__logo">
                    <p className="fr-logo">
                      République
                      <br />
                      Française
                    </p>
                  </div>
                </div>
                <div className="fr-header__service">
                  <Link to="/" title="Accueil – Passerelle">
                    <p className="fr-header__service-title">Passerelle</p>
                  </Link>
                  <p className="fr-header__service-tagline">Parcours de sortie de la prostitution</p>
                </div>
              </div>
              {me?.signedIn && (
                <div className="fr-header__tools">
                  <div className="fr-header__tools-links">
                    <ul className="fr-btns-group">
                      <li>
                        <p className="fr-btn fr-icon-account-circle-line">
                          {me.displayName ?? me.username} – {me.roles.map((role) => ROLE_LABELS[role] ?? role).join(', ')}
                        </p>
                      </li>
                      <li>
                        <form method="post" action="/logout">
                          {csrf && <input type="hidden" name={csrf.parameterName} value={csrf.token} />}
                          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
                            Se déconnecter
                          </button>
                        </form>
                      </li>
                    </ul>
                  </div>
                </div>
              )}
            </div>
          </div>
        </div>
        {items.length > 0 && (
          <div className="fr-header__menu" id="menu-principal" style={{ display: "block" }}>
            <div className="fr-container">
              <nav className="fr-nav" id="menu" role="navigation" aria-label="Menu principal">
                <ul className="fr-nav__list">
                  {items.map((item) => (
                    <li className="fr-nav__item" key={item.to}>
                      <Link
                        className="fr-nav__link"
                        to={item.to}
                        aria-current={path === item.to ? 'page' : undefined}
                      >
                        {item.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </div>
        )}
      </header>
      <main id="contenu" role="main" tabIndex={-1}>
        <div className="fr-container fr-py-5w">{children}</div>
      </main>
      <footer className="fr-footer" role="contentinfo" id="pied-de-page">
        <div className="fr-container">
          <div className="fr-footer__body">
            <div className="fr-footer__brand fr-enlarge-link">
              <Link to="/" title="Retour à l'accueil de Passerelle">
                <p className="fr-logo">
                  République
                  <br />
                  Française
                </p>
              </Link>
            </div>
            <div className="fr-footer__content">
              <p className="fr-footer__content-desc">
                Passerelle accompagne les parcours de sortie de la prostitution : associations agréées, commissions
                départementales, préfectures, organismes payeurs, inspection et ministère. Les données personnelles y
                sont protégées et chaque consultation est tracée.
              </p>
            </div>
          </div>
          <div className="fr-footer__bottom">
            <ul className="fr-footer__bottom-list">
              <li className="fr-footer__bottom-item">
                <span className="fr-footer__bottom-link">Accessibilité : partiellement conforme (RGAA)</span>
              </li>
              <li className="fr-footer__bottom-item">
                <a className="fr-footer__bottom-link" href="/swagger-ui.html">
                  Documentation de l'API
                </a>
              </li>
            </ul>
          </div>
        </div>
      </footer>
    </>
  );
}
