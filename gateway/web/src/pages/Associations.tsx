import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Input, ProblemAlert, Select, Success } from '../components/Fields';
import { Table } from '../components/Table';
import { date } from '../labels';
import { asProblem, useLoad } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { firstDepartement, useMe } from '../session';
import type { Association } from './types';

/** The département's approved associations, a new approval by the préfecture, and a renewal. */
export function Associations() {
  const me = useMe();
  const d = firstDepartement(me);
  const list = useLoad(() => get<Association[]>(`/api/departements/${d}/associations`), [d]);
  const [form, setForm] = useState({ name: '', approvedFrom: '', approvedUntil: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldErrors(problem);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    try {
      await post(`/api/departements/${d}/associations`, {
        name: form.name || null,
        approvedFrom: form.approvedFrom || null,
        approvedUntil: form.approvedUntil || null,
      });
      setDone(`L'association « ${form.name} » est agréée.`);
      setForm({ name: '', approvedFrom: '', approvedUntil: '' });
      list.reload();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <>
      <h1>Associations agréées</h1>
      <ProblemAlert problem={list.problem} />
      {list.value && (
        <Table
          caption={`Associations agréées (${list.value.length})`}
          headers={['Association', 'Agréée du', 'au']}
          rows={list.value.map((a) => [a.name, date(a.approvedFrom), date(a.approvedUntil)])}
        />
      )}
      {list.value && list.value.length > 0 && (
        <RenewalForm departement={d} associations={list.value} onRenewed={list.reload} />
      )}
      <form onSubmit={submit} noValidate className="fr-mt-4w">
        <h2>Agréer une association</h2>
        {done && <Success>{done}</Success>}
        <ProblemAlert problem={problem} labels={{ name: 'Nom', approvedFrom: 'Agréée du', approvedUntil: 'au' }} />
        <Input label="Nom de l'association" value={form.name} onChange={set('name')} error={errors.name} />
        <Input label="Agrément à partir du" type="date" value={form.approvedFrom} onChange={set('approvedFrom')} error={errors.approvedFrom} />
        <Input label="Agrément jusqu'au" type="date" hint="Trois ans au plus, renouvelables" value={form.approvedUntil} onChange={set('approvedUntil')} error={errors.approvedUntil} />
        <button className="fr-btn" type="submit">
          Agréer l'association
        </button>
      </form>
    </>
  );
}

/**
 * The renewal of an approval: the association keeps its id and its dossiers, the new approval runs
 * from the day after the current one ends.
 */
function RenewalForm({
  departement,
  associations,
  onRenewed,
}: {
  departement: string;
  associations: Association[];
  onRenewed: () => void;
}) {
  const [associationId, setAssociationId] = useState('');
  const [approvedUntil, setApprovedUntil] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errors = fieldErrors(problem);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    if (!associationId) {
      setProblem({ title: 'Requête invalide', status: 400, errors: [{ field: 'associationId', message: 'obligatoire' }] });
      return;
    }
    try {
      await post(`/api/departements/${departement}/associations/${associationId}/approval-renewal`, {
        approvedUntil: approvedUntil || null,
      });
      const name = associations.find((a) => a.associationId === associationId)?.name;
      setDone(`L'agrément de « ${name} » est renouvelé jusqu'au ${date(approvedUntil)}.`);
      onRenewed();
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="fr-mt-4w">
      <h2>Renouveler un agrément</h2>
      {done && <Success>{done}</Success>}
      <ProblemAlert problem={problem} labels={{ associationId: 'Association', approvedUntil: "Renouvelé jusqu'au" }} />
      <Select
        label="Association dont l'agrément est renouvelé"
        value={associationId}
        onChange={(e) => setAssociationId(e.target.value)}
        placeholder="Choisir une association"
        options={associations.map((a) => [a.associationId, `${a.name} (jusqu'au ${date(a.approvedUntil)})`])}
        error={errors.associationId}
      />
      <Input
        label="Agrément renouvelé jusqu'au"
        type="date"
        hint="Trois ans au plus après la fin de l'agrément en cours"
        value={approvedUntil}
        onChange={(e) => setApprovedUntil(e.target.value)}
        error={errors.approvedUntil}
      />
      <button className="fr-btn fr-btn--secondary" type="submit">
        Renouveler l'agrément
      </button>
    </form>
  );
}
