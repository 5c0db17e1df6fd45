import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, get, post, put } from '../api';
import { Checkbox, Input, ProblemAlert, Textarea, YesNo } from '../components/Fields';
import { ACTION_LABELS, COUNTRIES } from '../labels';
import { asProblem } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { navigate } from '../router';
import { firstDepartement, useMe } from '../session';
import type { DossierView } from './types';

/** The fields of the form, named as the API names them, with their French labels. */
const LABELS: Record<string, string> = {
  'person.lastName': 'Nom',
  'person.firstName': 'Prénom',
  'person.birthDate': 'Date de naissance',
  'person.phone': 'Téléphone',
  'person.email': 'Courriel',
  nationality: 'Nationalité',
  children: "Nombre d'enfants à charge",
  monthlyResources: 'Ressources du mois précédent (€)',
  receivesRsa: 'Perçoit le RSA',
  receivesAda: "Perçoit l'allocation pour demandeur d'asile (ADA)",
  traffickingVictim: 'Victime de la traite des êtres humains',
  'plan.actions': 'Actions prévues',
  'plan.notes': 'Projet de parcours',
  'plan.stopsProstitution': "S'engage à cesser l'activité prostitutionnelle",
  'plan.signedOn': 'Date de signature du projet',
  associationId: 'Association',
};

interface Draft {
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
  email: string;
  nationality: string;
  children: string;
  monthlyResources: string;
  receivesRsa: boolean | null;
  receivesAda: boolean | null;
  traffickingVictim: boolean | null;
  actions: string[];
  notes: string;
  stopsProstitution: boolean | null;
  signedOn: string;
}

const EMPTY: Draft = {
  lastName: '',
  firstName: '',
  birthDate: '',
  phone: '',
  email: '',
  nationality: '',
  children: '',
  monthlyResources: '',
  receivesRsa: null,
  receivesAda: null,
  traffickingVictim: null,
  actions: [],
  notes: '',
  stopsProstitution: null,
  signedOn: '',
};

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The request the API takes: what is not given yet is null, so a draft may be incomplete. */
function request(draft: Draft) {
  return {
    person: {
      lastName: orNull(draft.lastName),
      firstName: orNull(draft.firstName),
      birthDate: orNull(draft.birthDate),
      phone: orNull(draft.phone),
      email: orNull(draft.email),
    },
    nationality: orNull(draft.nationality)?.toUpperCase() ?? null,
    children: numberOrNull(draft.children),
    monthlyResources: numberOrNull(draft.monthlyResources),
    receivesRsa: draft.receivesRsa,
    receivesAda: draft.receivesAda,
    traffickingVictim: draft.traffickingVictim,
    plan: {
      actions: draft.actions,
      notes: orNull(draft.notes),
      stopsProstitution: draft.stopsProstitution,
      signedOn: orNull(draft.signedOn),
    },
  };
}

/**
 * An association's draft dossier: saved as it is, or saved and submitted; a refused submission
 * shows every missing or invalid field at once, each message next to its field and all of them
 * listed above the form.
 */
export function DossierForm({ dossierId }: { dossierId?: string }) {
  const me = useMe();
  const d = firstDepartement(me);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // The draft once saved: later saves revise it rather than make another.
  const [savedId, setSavedId] = useState(dossierId);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!dossierId) {
      return;
    }
    get<DossierView>(`/api/departements/${d}/dossiers/${dossierId}`)
      .then((dossier) =>
        setDraft((current) => ({
          ...current,
          lastName: dossier.person?.lastName ?? '',
          firstName: dossier.person?.firstName ?? '',
          birthDate: dossier.person?.birthDate ?? '',
          phone: dossier.person?.phone ?? '',
          email: dossier.person?.email ?? '',
        })),
      )
      .catch((error) => setProblem(asProblem(error)));
  }, [d, dossierId]);

  useEffect(() => {
    if (problem) {
      summary.current?.querySelector<HTMLElement>('[role=alert]')?.focus();
    }
  }, [problem]);

  const errors = fieldErrors(problem);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const text = (key: keyof Draft) => ({
    value: draft[key] as string,
    onChange: (event: { target: { value: string } }) => set(key)(event.target.value as never),
  });

  const save = async (submit: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      let id = savedId;
      if (id) {
        await put(`/api/departements/${d}/dossiers/${id}`, request(draft));
      } else {
        const created = await post<{ dossierId: string }>(`/api/departements/${d}/dossiers`, request(draft));
        id = created.dossierId;
        setSavedId(id);
        window.history.replaceState(null, '', `/dossiers/${id}/modifier`);
      }
      if (submit) {
        await post(`/api/departements/${d}/dossiers/${id}/submission`);
      }
      navigate(`/dossiers/${id}?${submit ? 'depose' : 'enregistre'}`);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : asProblem(error));
      setBusy(false);
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void save(submitter?.value === 'deposer');
  };

  return (
    <>
      <h1>{dossierId ? 'Modifier le brouillon' : 'Nouveau dossier'}</h1>
      <p>
        Un brouillon peut rester incomplet. Au dépôt, la plateforme vérifie que rien ne manque et signale tous les
        champs à compléter à la fois.
      </p>
      <div ref={summary}>
        <ProblemAlert problem={problem} labels={LABELS} />
      </div>
      <form onSubmit={onSubmit} noValidate>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">La personne accompagnée</legend>
          <div className="fr-fieldset__element">
            <Input label={LABELS['person.lastName']} autoComplete="off" error={errors['person.lastName']} {...text('lastName')} />
          </div>
          <div className="fr-fieldset__element">
            <Input label={LABELS['person.firstName']} autoComplete="off" error={errors['person.firstName']} {...text('firstName')} />
          </div>
          <div className="fr-fieldset__element">
            <Input label={LABELS['person.birthDate']} type="date" error={errors['person.birthDate']} {...text('birthDate')} />
          </div>
          <div className="fr-fieldset__element">
            <Input label={LABELS['person.phone']} type="tel" hint="Facultatif" error={errors['person.phone']} {...text('phone')} />
          </div>
          <div className="fr-fieldset__element">
            <Input label={LABELS['person.email']} type="email" hint="Facultatif" error={errors['person.email']} {...text('email')} />
          </div>
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Situation</legend>
          <div className="fr-fieldset__element">
            <Input
              label={LABELS.nationality}
              hint={`Code pays à deux lettres (ISO 3166-1), par exemple ${Object.entries(COUNTRIES)
                .slice(0, 3)
                .map(([code, name]) => `${code} pour ${name}`)
                .join(', ')}`}
              maxLength={2}
              error={errors.nationality}
              {...text('nationality')}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input label={LABELS.children} type="number" min={0} error={errors.children} {...text('children')} />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label={LABELS.monthlyResources}
              type="number"
              min={0}
              error={errors.monthlyResources}
              {...text('monthlyResources')}
            />
          </div>
          <div className="fr-fieldset__element">
            <YesNo legend={LABELS.receivesRsa} name="receivesRsa" value={draft.receivesRsa} onChange={set('receivesRsa')} error={errors.receivesRsa} />
          </div>
          <div className="fr-fieldset__element">
            <YesNo legend={LABELS.receivesAda} name="receivesAda" value={draft.receivesAda} onChange={set('receivesAda')} error={errors.receivesAda} />
          </div>
          <div className="fr-fieldset__element">
            <YesNo
              legend={LABELS.traffickingVictim}
              name="traffickingVictim"
              value={draft.traffickingVictim}
              onChange={set('traffickingVictim')}
              error={errors.traffickingVictim}
            />
          </div>
        </fieldset>
        <fieldset className={`fr-fieldset${errors['plan.actions'] ? ' fr-fieldset--error' : ''}`} aria-describedby={errors['plan.actions'] ? 'actions-erreur' : undefined}>
          <legend className="fr-fieldset__legend">{LABELS['plan.actions']}</legend>
          {Object.entries(ACTION_LABELS).map(([action, label]) => (
            <div className="fr-fieldset__element" key={action}>
              <Checkbox
                label={label}
                checked={draft.actions.includes(action)}
                onChange={(checked) =>
                  set('actions')(checked ? [...draft.actions, action] : draft.actions.filter((a) => a !== action))
                }
              />
            </div>
          ))}
          {errors['plan.actions'] && (
            <div className="fr-messages-group" id="actions-erreur">
              <p className="fr-message fr-message--error">{errors['plan.actions']}</p>
            </div>
          )}
        </fieldset>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Le projet de parcours</legend>
          <div className="fr-fieldset__element">
            <Textarea label={LABELS['plan.notes']} hint="Facultatif" rows={4} error={errors['plan.notes']} {...text('notes')} />
          </div>
          <div className="fr-fieldset__element">
            <YesNo
              legend={LABELS['plan.stopsProstitution']}
              name="stopsProstitution"
              value={draft.stopsProstitution}
              onChange={set('stopsProstitution')}
              error={errors['plan.stopsProstitution']}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input label={LABELS['plan.signedOn']} type="date" error={errors['plan.signedOn']} {...text('signedOn')} />
          </div>
        </fieldset>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button className="fr-btn" type="submit" name="action" value="deposer" disabled={busy}>
              Enregistrer et déposer le dossier
            </button>
          </li>
          <li>
            <button className="fr-btn fr-btn--secondary" type="submit" name="action" value="enregistrer" disabled={busy}>
              Enregistrer le brouillon
            </button>
          </li>
        </ul>
      </form>
    </>
  );
}
