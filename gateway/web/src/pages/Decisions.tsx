import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Select, Success, Textarea } from '../components/Fields';
import { date, REFUSAL_LABELS, shortId } from '../labels';
import { asProblem, useLoad } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { firstDepartement, useMe } from '../session';
import type { DossierSummary } from './types';

const LABELS: Record<string, string> = {
  dossierId: 'Dossier',
  decision: 'Décision',
  decidedOn: 'Date de la décision',
  startDate: 'Début du parcours',
  reason: 'Motif du refus',
  motivation: 'Motivation',
};

/** The préfet's decision on a submitted dossier: authorise (with the start) or refuse, motivated. */
export function Decisions() {
  const me = useMe();
  const d = firstDepartement(me);
  const submitted = useLoad(() => get<DossierSummary[]>(`/api/departements/${d}/dossiers?status=SUBMITTED`), [d]);
  const [form, setForm] = useState({ dossierId: '', decision: '', decidedOn: '', startDate: '', reason: '', motivation: '' });
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
        reason: form.decision === 'REFUSE' ? form.reason || null : null,
        motivation: form.motivation || null,
      });
      setDone(
        form.decision === 'AUTHORISE'
          ? `Parcours autorisé pour le dossier ${shortId(form.dossierId)}, jusqu'au ${date(decided.endDate)}.`
          : `Refus enregistré pour le dossier ${shortId(form.dossierId)}.`,
      );
      setForm({ dossierId: '', decision: '', decidedOn: '', startDate: '', reason: '', motivation: '' });
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
          ]}
          error={errors.decision}
        />
        <Input label={LABELS.decidedOn} type="date" value={form.decidedOn} onChange={set('decidedOn')} error={errors.decidedOn} />
        {form.decision === 'AUTHORISE' && (
          <Input label={LABELS.startDate} type="date" value={form.startDate} onChange={set('startDate')} error={errors.startDate} />
        )}
        {form.decision === 'REFUSE' && (
          <Select
            label={LABELS.reason}
            value={form.reason}
            onChange={set('reason')}
            placeholder="Choisir un motif"
            options={Object.entries(REFUSAL_LABELS)}
            error={errors.reason}
          />
        )}
        <Textarea
          label={LABELS.motivation}
          hint="Obligatoire pour un refus (CRPA L211-2) ; reste à la préfecture, ne circule pas"
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
