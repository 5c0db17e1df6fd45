import { useEffect, useRef, useState } from 'react';
import { loadMe, onSessionLost, type Me } from '../api';

/** The message the sign-in window sends this page once the person has signed in again. */
export const SIGNED_IN_AGAIN = 'passerelle:reconnecte';

/**
 * When a call finds the session ended, a dialog asks the person to sign in again in a new window:
 * this page, and whatever was being typed in it, stays as it was; once signed in, the call is made
 * again and the work goes on.
 */
export function SessionLost({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [open, setOpen] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const waiting = useRef<(() => void)[]>([]);
  const dialog = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    onSessionLost(
      () =>
        new Promise<void>((resolve) => {
          waiting.current.push(resolve);
          setOpen(true);
        }),
    );
    const signedIn = async (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.data !== SIGNED_IN_AGAIN) {
        return;
      }
      const me = await loadMe();
      if (!me.signedIn) {
        return;
      }
      onSignedIn(me);
      setOpen(false);
      waiting.current.splice(0).forEach((resolve) => resolve());
    };
    window.addEventListener('message', signedIn);
    return () => window.removeEventListener('message', signedIn);
  }, [onSignedIn]);

  useEffect(() => {
    if (open) {
      button.current?.focus();
    }
  }, [open]);

  if (!open) {
    return null;
  }
  const signIn = () => {
    const window_ = window.open('/connexion?retour=/reconnecte', 'passerelle-connexion', 'width=720,height=800');
    setBlocked(window_ === null);
  };
  return (
    <div
      className="fr-modal fr-modal--opened"
      role="dialog"
      aria-modal="true"
      aria-labelledby="session-perdue-titre"
      ref={dialog}
      style={{ visibility: 'visible', opacity: 1 }}
    >
      <div className="fr-container fr-container--fluid fr-container-md">
        <div className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <div className="fr-modal__body">
              <div className="fr-modal__content fr-pt-4w">
                <h1 id="session-perdue-titre" className="fr-modal__title">
                  Votre session a pris fin
                </h1>
                <p>
                  Reconnectez-vous pour continuer : ce que vous avez saisi sur cette page est conservé et l'opération
                  en cours reprendra dès que vous serez reconnecté.
                </p>
                {blocked && (
                  <p className="fr-error-text">
                    La fenêtre de connexion n'a pas pu s'ouvrir : autorisez les fenêtres de Passerelle, puis réessayez.
                  </p>
                )}
              </div>
              <div className="fr-modal__footer">
                <button ref={button} type="button" className="fr-btn" onClick={signIn} title="Se reconnecter – nouvelle fenêtre">
                  Se reconnecter
                </button>
              </div>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
