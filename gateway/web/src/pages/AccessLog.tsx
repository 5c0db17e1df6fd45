import { useState, type FormEvent } from 'react';
import { get } from '../api';
import { Input, ProblemAlert } from '../components/Fields';
import { Table } from '../components/Table';
import { dateTime, ROLE_LABELS, shortId } from '../labels';
import { useLoad } from '../load';
import { firstDepartement, useMe } from '../session';
import type { AccessLogEntry } from './types';

const PAGE = 50;

/** Who read or wrote personal data, and who was refused: the auditors' access log. */
export function AccessLog() {
  const me = useMe();
  const d = firstDepartement(me);
  const [dossierId, setDossierId] = useState('');
  const [filter, setFilter] = useState('');
  const [offset, setOffset] = useState(0);
  const entries = useLoad(
    () =>
      get<AccessLogEntry[]>(
        `/api/departements/${d}/access-log?limit=${PAGE}&offset=${offset}${filter ? `&dossierId=${encodeURIComponent(filter)}` : ''}`,
      ),
    [d, filter, offset],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOffset(0);
    setFilter(dossierId.trim());
  };
  return (
    <>
      <h1>Journal des accès aux données personnelles</h1>
      <form onSubmit={submit} className="fr-mb-3w">
        <Input label="Numéro de dossier" hint="Vide : tous les dossiers du département" value={dossierId} onChange={(e) => setDossierId(e.target.value)} />
        <button className="fr-btn" type="submit">
          Filtrer
        </button>
      </form>
      <ProblemAlert problem={entries.problem} />
      {entries.value && (
        <>
          <Table
            caption={`Accès ${offset + 1} à ${offset + entries.value.length}`}
            headers={['Quand', 'Qui', 'Rôle', 'Opération', 'Dossier', 'Résultat']}
            rows={entries.value.map((entry) => [
              dateTime(entry.recordedAt),
              entry.subject,
              entry.roles.map((role) => ROLE_LABELS[role] ?? role).join(', '),
              entry.operation,
              entry.dossierId ? shortId(entry.dossierId) : '–',
              entry.outcome === 'READ' ? 'Lecture' : entry.outcome === 'WRITE' ? 'Écriture' : `Refusé${entry.refusal ? ` (${entry.refusal})` : ''}`,
            ])}
          />
          <nav role="navigation" className="fr-pagination" aria-label="Pagination">
            <ul className="fr-pagination__list">
              <li>
                <button type="button" className="fr-pagination__link fr-pagination__link--prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  Précédents
                </button>
              </li>
              <li>
                <button type="button" className="fr-pagination__link fr-pagination__link--next" disabled={entries.value.length < PAGE} onClick={() => setOffset(offset + PAGE)}>
                  Suivants
                </button>
              </li>
            </ul>
          </nav>
        </>
      )}
    </>
  );
}
