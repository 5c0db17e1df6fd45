import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Select, Success, Textarea } from '../components/Fields';
import { date, END_LABELS, REFUSAL_LABELS, RENEWAL_REFUSAL_LABELS, shortId } from '../labels';
import { asProblem, useLoad } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { firstDepartement, useMe } from '../session';
import type { DossierSummary } from './types';

const LABELS: Record<string, string> = {
  dossierId: 'Dossier',
  decision: 'Décision',
  decidedOn: 'Date de la décision',
  startDate: 'Début du parcours',
  months: 'Durée du renouvellement (mois)',
  reason: 'Motif',
  lastDay: 'Dernier jour du parcours',
  motivation: 'Motivation',
};

/**
 * The préfet's decision on a dossier: authorise a first request (with the start) or refuse it,
 * renew a running pathway or refuse its renewal, end it early; every refusal and early end is
 * motivated (CRPA L211-2), the motivation staying in decision-service.
 */
export function Decisions() {
  const me = useMe();
  const d = firstDepartement(me);
  const submitted = useLoad(() => get<DossierSummary[]>(`/api/departements/${d}/dossiers?status=SUBMITTED`), [d]);
  const empty = { dossierId: '', decision: '', decidedOn: '', startDate: '', months: '6', reason: '', lastDay: '', motivation: '' };
  const [form, setForm] = useState(empty);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldErrors(problem);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    try {
      const decided = await post<{ endDate?: string }>(`/api/departements/${d}/prefecture/decisions`, {
        dossierId: form.dossierId || null,
        decision: form.decision || null,
        decidedOn: form.decidedOn || null,
        startDate: form.decision === 'AUTHORISE' ? form.startDate || null : null,
        months: form.decision === 'RENEW' && form.months !== '' ? Number(form.months) : null,
        reason: ['REFUSE', 'REFUSE_RENEWAL', 'END'].includes(form.decision) ? form.reason || null : null,
        lastDay: form.decision === 'END' ? form.lastDay || null : null,
        motivation: form.motivation || null,
      });
      const outcome: Record<string, string> = {
        AUTHORISE: `Parcours autorisé pour le dossier ${shortId(form.dossierId)}, jusqu'au ${date(decided.endDate)}.`,
        REFUSE: `Refus enregistré pour le dossier ${shortId(form.dossierId)}.`,
        RENEW: `Parcours renouvelé pour le dossier ${shortId(form.dossierId)}${decided.endDate ? `, jusqu'au ${date(decided.endDate)}` : ''}.`,
        REFUSE_RENEWAL: `Refus de renouvellement enregistré pour le dossier ${shortId(form.dossierId)}.`,
        END: `Fin du parcours enregistrée pour le dossier ${shortId(form.dossierId)}.`,
      };
      setDone(outcome[form.decision]);
      setForm(empty);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };

  return (
    <>
      <h1>Décisions du préfet</h1>
      <p>Après l'avis de la commission, le préfet autorise le parcours (six mois, renouvelables) ou le refuse par une décision motivée.</p>
      <ProblemAlert problem={submitted.problem} />
      {done && <Success>{done}</Success>}
      <ProblemAlert problem={problem} labels={LABELS} />
      <form onSubmit={submit} noValidate>
        <Select
          label={LABELS.dossierId}
          value={form.dossierId}
          onChange={set('dossierId')}
          placeholder="Choisir un dossier déposé"
          options={(submitted.value ?? []).map((dossier) => [
            dossier.dossierId,
            `Dossier ${shortId(dossier.dossierId)}, déposé le ${date(dossier.submittedAt)}`,
          ])}
          error={errors.dossierId}
        />
        <Select
          label={LABELS.decision}
          value={form.decision}
          onChange={set('decision')}
          placeholder="Choisir"
          options={[
            ['AUTHORISE', 'Autoriser le parcours'],
            ['REFUSE', 'Refuser le parcours'],
            ['RENEW', 'Renouveler le parcours'],
            ['REFUSE_RENEWAL', 'Refuser le renouvellement'],
            ['END', 'Mettre fin au parcours avant son terme'],
          ]}
          error={errors.decision}
        />
        <Input label={LABELS.decidedOn} type="date" value={form.decidedOn} onChange={set('decidedOn')} error={errors.decidedOn} />
        {form.decision === 'AUTHORISE' && (
          <Input label={LABELS.startDate} type="date" value={form.startDate} onChange={set('startDate')} error={errors.startDate} />
        )}
        {form.decision === 'RENEW' && (
          <Input
            label={LABELS.months}
            type="number"
            min={6}
            hint="Six mois au moins ; vingt-quatre mois au plus pour tout le parcours"
            value={form.months}
            onChange={set('months')}
            error={errors.months}
          />
        )}
        {['REFUSE', 'REFUSE_RENEWAL', 'END'].includes(form.decision) && (
          <Select
            label={LABELS.reason}
            value={form.reason}
            onChange={set('reason')}
            placeholder="Choisir un motif"
            options={Object.entries(
              form.decision === 'REFUSE'
                ? REFUSAL_LABELS
                : form.decision === 'REFUSE_RENEWAL'
                  ? RENEWAL_REFUSAL_LABELS
                  : Object.fromEntries(Object.entries(END_LABELS).filter(([code]) => code !== 'TERM_REACHED')),
            )}
            error={errors.reason}
          />
        )}
        {form.decision === 'END' && (
          <Input label={LABELS.lastDay} type="date" value={form.lastDay} onChange={set('lastDay')} error={errors.lastDay} />
        )}
        <Textarea
          label={LABELS.motivation}
          hint="Obligatoire pour un refus ou une fin décidée par le préfet (CRPA L211-2) ; reste à la préfecture, ne circule pas"
          rows={4}
          value={form.motivation}
          onChange={set('motivation')}
          error={errors.motivation}
        />
        <button className="fr-btn" type="submit">
          Enregistrer la décision
        </button>
      </form>
    </>
  );
}
