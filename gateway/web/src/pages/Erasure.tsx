import { useState } from 'react';
import { post } from '../api';
import { Checkbox, Input, ProblemAlert, Success } from '../components/Fields';
import { date, dateTime, ERASURE_LABELS } from '../labels';
import { asProblem } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { has, useMe } from '../session';
import type { DossierView } from './types';

/**
 * The person's right to erasure on their dossier: the association or the préfecture records the
 * request (the day it was received), another agent of the préfecture confirms it, and the
 * person's data is then gone for good. Shown to those two roles only, as the API allows.
 */
export function Erasure({ departement, dossier, onChange }: { departement: string; dossier: DossierView; onChange: () => void }) {
  const me = useMe();
  const [receivedOn, setReceivedOn] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (!has(me, 'ASSOCIATION', 'PREFECTURE')) {
    return null;
  }
  const path = `/api/departements/${departement}/dossiers/${dossier.dossierId}/erasure-request`;
  const send = async (url: string, payload: unknown, message: string) => {
    setProblem(null);
    try {
      await post(url, payload);
      setDone(message);
      onChange();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  const erasure = dossier.erasure;
  const errors = fieldErrors(problem);
  return (
    <section className="fr-mt-6w" aria-labelledby="effacement">
      <h2 id="effacement">Droit à l'effacement</h2>
      {done && <Success>{done}</Success>}
      <ProblemAlert problem={problem} labels={{ receivedOn: 'Demande reçue le' }} />
      {erasure?.erasedAt ? (
        <p>
          Les données personnelles ont été effacées le {dateTime(erasure.erasedAt)} ({ERASURE_LABELS[erasure.reason ?? ''] ?? erasure.reason}).
        </p>
      ) : erasure?.requestReceivedOn ? (
        <>
          <p>
            Demande de la personne reçue le {date(erasure.requestReceivedOn)} : elle attend la confirmation d'un agent de la
            préfecture, autre que celui qui l'a enregistrée.
          </p>
          {has(me, 'PREFECTURE') && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void send(`${path}/confirmation`, {}, 'Les données personnelles de la personne sont effacées.');
              }}
            >
              <Checkbox
                label="Je confirme l'effacement : les données personnelles de la personne seront détruites et ne pourront pas être retrouvées."
                checked={understood}
                onChange={setUnderstood}
              />
              <button className="fr-btn fr-btn--secondary fr-mt-2w" type="submit" disabled={!understood}>
                Confirmer l'effacement
              </button>
            </form>
          )}
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send(path, { receivedOn: receivedOn || null }, "La demande d'effacement est enregistrée : elle attend la confirmation de la préfecture.");
          }}
        >
          <p>La personne demande que ses données soient effacées : enregistrez sa demande, la préfecture la confirmera.</p>
          <Input
            label="Demande reçue le"
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.target.value)}
            error={errors.receivedOn}
          />
          <button className="fr-btn fr-btn--tertiary" type="submit">
            Enregistrer la demande d'effacement
          </button>
        </form>
      )}
    </section>
  );
}
