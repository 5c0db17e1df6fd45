import { useState } from 'react';
import { get } from '../api';
import { ProblemAlert, Select } from '../components/Fields';
import { Table } from '../components/Table';
import { date, shortId, STATUS_LABELS } from '../labels';
import { useLoad } from '../load';
import { Link } from '../router';
import { firstDepartement, has, useMe } from '../session';
import type { Association, DossierSummary } from './types';

/** The département's dossiers, without personal data; an association sees its own only. */
export function Dossiers() {
  const me = useMe();
  const d = firstDepartement(me);
  const [status, setStatus] = useState('');
  const dossiers = useLoad(
    () => get<DossierSummary[]>(`/api/departements/${d}/dossiers${status ? `?status=${status}` : ''}`),
    [d, status],
  );
  const associations = useLoad(
    () =>
      has(me, 'ASSOCIATION', 'SECRETARIAT', 'PREFECTURE')
        ? get<Association[]>(`/api/departements/${d}/associations`)
        : Promise.resolve([] as Association[]),
    [d],
  );
  const name = (id: string) => associations.value?.find((a) => a.associationId === id)?.name ?? shortId(id);
  return (
    <>
      <h1>Dossiers</h1>
      {has(me, 'ASSOCIATION') && (
        <Link className="fr-btn fr-icon-add-line fr-btn--icon-left fr-mb-3w" to="/dossiers/nouveau">
          Créer un dossier
        </Link>
      )}
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Statut"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
            placeholder="Tous les statuts"
            options={Object.entries(STATUS_LABELS)}
          />
        </div>
      </div>
      <ProblemAlert problem={dossiers.problem} />
      {dossiers.value && (
        <Table
          caption={`Dossiers (${dossiers.value.length})`}
          headers={['Dossier', 'Association', 'Statut', 'Créé le', 'Déposé le']}
          rows={dossiers.value.map((dossier) => [
            <Link to={`/dossiers/${dossier.dossierId}`} key="lien">
              Dossier {shortId(dossier.dossierId)}
            </Link>,
            name(dossier.associationId),
            <span className="fr-badge fr-badge--sm" key="statut">
              {STATUS_LABELS[dossier.status] ?? dossier.status}
              {dossier.erasedAt ? ' – données effacées' : dossier.erasureReceivedOn ? ' – effacement demandé' : ''}
            </span>,
            date(dossier.draftedAt),
            date(dossier.submittedAt),
          ])}
        />
      )}
    </>
  );
}
