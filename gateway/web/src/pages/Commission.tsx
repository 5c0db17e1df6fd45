import { useState, type FormEvent } from 'react';
import { get, post } from '../api';
import { Checkbox, Input, ProblemAlert, Select, Success } from '../components/Fields';
import { Table } from '../components/Table';
import { dateTime, MEMBER_CATEGORY_LABELS, OPINION_LABELS, shortId } from '../labels';
import { asProblem, useLoad, usePoll, type Loaded } from '../load';
import { fieldErrors, type Problem } from '../problems';
import { Link, navigate, useLocation } from '../router';
import { firstDepartement, useMe } from '../session';
import type { PendingDossier } from './types';

interface Outcome {
  dossierId: string;
  ok: boolean;
  message: string;
}

/**
 * The secretariat's work: convene a session, put several dossiers on its agenda at once, and record
 * the commission's opinions for the whole session, each dossier with its own result (one refused
 * does not stop the others).
 */
export function Commission({ sessionId }: { sessionId?: string }) {
  const me = useMe();
  const d = firstDepartement(me);
  const { query } = useLocation();
  const pending = useLoad(() => get<PendingDossier[]>(`/api/departements/${d}/commission/pending-dossiers`), [d]);
  // A second convocation's page comes with the first one's agenda checked: the same agenda.
  const [chosen, setChosen] = useState<string[]>(() => (query.get('premierOrdre') ?? '').split(',').filter(Boolean));
  const [agenda, setAgenda] = useState<string[]>(() => (query.get('ordre') ?? '').split(',').filter(Boolean));
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const withoutQuorum = query.get('quorum') === 'non';

  const placeOnAgenda = async () => {
    const results: Outcome[] = [];
    for (const dossierId of chosen) {
      try {
        await post(`/api/departements/${d}/commission/sessions/${sessionId}/agenda`, { dossierId });
        results.push({ dossierId, ok: true, message: "inscrit à l'ordre du jour" });
      } catch (error) {
        results.push({ dossierId, ok: false, message: asProblem(error).detail ?? asProblem(error).title });
      }
    }
    const placed = [...agenda, ...results.filter((r) => r.ok).map((r) => r.dossierId)];
    setAgenda(placed);
    setChosen([]);
    setOutcomes(results);
    const kept = new URLSearchParams(query);
    kept.set('ordre', placed.join(','));
    window.history.replaceState(null, '', `/commission/seances/${sessionId}?${kept.toString()}`);
  };

  return (
    <>
      <h1>Commission départementale</h1>
      {!sessionId && <Convening departement={d} />}
      {sessionId && (
        <p className="fr-text--lead">
          Séance {shortId(sessionId)}
          {query.get('date') ? ` du ${new Date(query.get('date') + 'T12:00:00').toLocaleDateString('fr-FR')}` : ''}
          {' – '}
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={`/api/departements/${d}/commission/sessions/${sessionId}/minutes.pdf`}
            download
          >
            Télécharger le procès-verbal de la séance (PDF)
          </a>
        </p>
      )}
      {sessionId && withoutQuorum && (
        <div className="fr-alert fr-alert--warning fr-mb-3w">
          <h2 className="fr-alert__title">Quorum non atteint</h2>
          <p>
            La commission ne délibère pas sur cette première convocation. Inscrivez son ordre du jour, puis convoquez-la une
            seconde fois avec le même ordre du jour : elle délibérera alors sans condition de quorum.
          </p>
          <Link className="fr-link" to={`/commission?seconde=${sessionId}&premiere=${query.get('date') ?? ''}&ordre=${agenda.join(',')}`}>
            Convoquer la seconde convocation
          </Link>
        </div>
      )}
      <h2>Dossiers en attente d'une séance</h2>
      <ProblemAlert problem={pending.problem} />
      {pending.value && (
        <>
          {pending.value.length === 0 && <p>Aucun dossier en attente.</p>}
          {pending.value.length > 0 && (
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">
                {sessionId ? "Dossiers à inscrire à l'ordre du jour" : 'Dossiers déposés'}
              </legend>
              {pending.value.map((dossier) => (
                <div className="fr-fieldset__element" key={dossier.dossierId}>
                  {sessionId ? (
                    <Checkbox
                      label={`Dossier ${shortId(dossier.dossierId)}`}
                      hint={`Déposé le ${dateTime(dossier.submittedAt)}`}
                      checked={chosen.includes(dossier.dossierId)}
                      onChange={(checked) =>
                        setChosen(checked ? [...chosen, dossier.dossierId] : chosen.filter((id) => id !== dossier.dossierId))
                      }
                    />
                  ) : (
                    <p>
                      Dossier {shortId(dossier.dossierId)}, déposé le {dateTime(dossier.submittedAt)}
                    </p>
                  )}
                </div>
              ))}
            </fieldset>
          )}
          {sessionId && pending.value.length > 0 && (
            <div className="fr-btns-group fr-btns-group--inline-md">
              <button className="fr-btn fr-mb-2w" type="button" disabled={chosen.length === 0} onClick={placeOnAgenda}>
                Inscrire les {chosen.length} dossier{chosen.length > 1 ? 's' : ''} cochés à l'ordre du jour
              </button>
              <button className="fr-btn fr-btn--secondary fr-mb-2w" type="button" onClick={() => setChosen(pending.value!.map((p) => p.dossierId))}>
                Tout cocher
              </button>
            </div>
          )}
        </>
      )}
      <Outcomes outcomes={outcomes} caption="Inscription à l'ordre du jour" />
      {sessionId && !withoutQuorum && agenda.length > 0 && <Opinions departement={d} sessionId={sessionId} agenda={agenda} />}
    </>
  );
}

function Outcomes({ outcomes, caption }: { outcomes: Outcome[]; caption: string }) {
  if (outcomes.length === 0) {
    return null;
  }
  return (
    <div role="status">
      <Table
        caption={caption}
        headers={['Dossier', 'Résultat']}
        rows={outcomes.map((o) => [
          `Dossier ${shortId(o.dossierId)}`,
          <span className={`fr-badge fr-badge--sm fr-badge--${o.ok ? 'success' : 'error'}`} key="r">
            {o.ok ? 'Fait' : 'Refusé'} : {o.message}
          </span>,
        ])}
      />
    </div>
  );
}

interface CommissionMember {
  memberId: string;
  name: string;
  category: string;
  associationId?: string;
}

interface Association {
  associationId: string;
  name: string;
}

/** The commission's members, named by the secretariat, and the session convened from them. */
function Convening({ departement }: { departement: string }) {
  const members = useLoad(() => get<CommissionMember[]>(`/api/departements/${departement}/commission/members`), [departement]);
  // A member just named reaches the commission's list a moment later: read again until it shows.
  const [awaited, setAwaited] = useState<((members: CommissionMember[]) => boolean) | null>(null);
  usePoll(members, { until: awaited, tries: 30 });
  const named = (memberId: string) => {
    setAwaited(() => (list: CommissionMember[]) => list.some((m) => m.memberId === memberId));
    members.reload();
  };
  return (
    <>
      <Members departement={departement} members={members} onNamed={named} />
      <ConveneSession departement={departement} members={members} />
    </>
  );
}

/**
 * Who sits on the commission, by the category each represents, and the form that names one more:
 * a member is named once, and then attends the sessions the secretariat convenes.
 */
function Members({
  departement,
  members,
  onNamed,
}: {
  departement: string;
  members: Loaded<CommissionMember[]>;
  onNamed: (memberId: string) => void;
}) {
  const associations = useLoad(() => get<Association[]>(`/api/departements/${departement}/associations`), [departement]);
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [associationId, setAssociationId] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = fieldErrors(problem);
  const associationName = (id?: string) => (id ? (associations.value?.find((a) => a.associationId === id)?.name ?? shortId(id)) : '–');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setNotice(null);
    try {
      const member = await post<CommissionMember>(`/api/departements/${departement}/commission/members`, {
        name: name.trim() || null,
        category: category || null,
        associationId: category === 'ASSOCIATIONS' && associationId ? associationId : null,
      });
      setNotice(`Membre nommé : ${member.name}.`);
      setName('');
      setCategory('');
      setAssociationId('');
      onNamed(member.memberId);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <section aria-labelledby="titre-membres" className="fr-mb-6w">
      <h2 id="titre-membres">Membres de la commission</h2>
      <ProblemAlert problem={members.problem} />
      {members.value && (
        <Table
          caption="Membres nommés"
          headers={['Nom', 'Catégorie', 'Association représentée']}
          rows={members.value.map((m) => [m.name, MEMBER_CATEGORY_LABELS[m.category] ?? m.category, associationName(m.associationId)])}
        />
      )}
      <form onSubmit={submit} noValidate aria-labelledby="titre-nommer">
        <h3 id="titre-nommer" className="fr-h5">
          Nommer un membre
        </h3>
        {notice && <Success>{notice}</Success>}
        <ProblemAlert problem={problem} labels={{ name: 'Nom du membre', category: 'Catégorie', associationId: 'Association représentée' }} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-5">
            <Input
              label="Nom du membre"
              hint="Ou sa fonction, comme le procès-verbal l'imprime"
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              error={errors.name}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Catégorie"
              hint="Ce que le membre représente"
              placeholder="Choisir une catégorie"
              options={Object.entries(MEMBER_CATEGORY_LABELS)}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              error={errors.category}
            />
          </div>
          {category === 'ASSOCIATIONS' && (
            <div className="fr-col-12 fr-col-md-3">
              <Select
                label="Association représentée"
                hint="Facultatif"
                placeholder="Aucune en particulier"
                options={(associations.value ?? []).map((a) => [a.associationId, a.name] as [string, string])}
                value={associationId}
                onChange={(e) => setAssociationId(e.target.value)}
                error={errors.associationId}
              />
            </div>
          )}
        </div>
        <button className="fr-btn fr-btn--secondary" type="submit">
          Nommer le membre
        </button>
      </form>
    </section>
  );
}

/**
 * A session as the commission's rules want it (ADR 30): its date, who chairs, which named members
 * are present, and the mandates absent members gave to members present. Quorum and the votes are
 * then counted by decision-service from this attendance.
 */
function ConveneSession({ departement, members }: { departement: string; members: Loaded<CommissionMember[]> }) {
  const { query } = useLocation();
  const firstConvocationId = query.get('seconde');
  const firstDate = query.get('premiere');
  const firstAgenda = query.get('ordre') ?? '';
  const [date, setDate] = useState('');
  const [sentOn, setSentOn] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [chair, setChair] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [mandates, setMandates] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const errors = fieldErrors(problem);
  const list = members.value ?? [];
  const nameOf = (id: string) => list.find((m) => m.memberId === id)?.name ?? id;
  const togglePresent = (id: string, checked: boolean) => {
    setPresent(checked ? [...present, id] : present.filter((p) => p !== id));
    if (checked) {
      const others = { ...mandates };
      delete others[id];
      setMandates(others);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      const opened = await post<{ sessionId: string; mayDeliberate: boolean }>(`/api/departements/${departement}/commission/sessions`, {
        date: date || null,
        chairMemberId: chair || null,
        present,
        mandates: Object.entries(mandates)
          .filter(([, to]) => to !== '')
          .map(([fromMemberId, toMemberId]) => ({ fromMemberId, toMemberId })),
        firstConvocationId,
        convocation: sentOn ? { sentOn, urgent } : null,
      });
      const next = new URLSearchParams({ date });
      if (!opened.mayDeliberate) {
        next.set('quorum', 'non');
      }
      if (firstConvocationId && firstAgenda) {
        next.set('premierOrdre', firstAgenda);
      }
      navigate(`/commission/seances/${opened.sessionId}?${next.toString()}`);
    } catch (error) {
      setProblem(asProblem(error));
    }
  };
  return (
    <form onSubmit={submit} noValidate className="fr-mb-6w">
      <h2>{firstConvocationId ? 'Seconde convocation' : 'Convoquer une séance'}</h2>
      {firstConvocationId && (
        <p>
          Seconde convocation de la séance{firstDate ? ` du ${new Date(firstDate + 'T12:00:00').toLocaleDateString('fr-FR')}` : ''}, qui n'a
          pas atteint le quorum : même ordre du jour, délibération sans condition de quorum.
        </p>
      )}
      <ProblemAlert
        problem={problem}
        labels={{
          date: 'Date',
          chairMemberId: 'Président',
          present: 'Présents',
          mandates: 'Mandats',
          firstConvocationId: 'Première convocation',
          'convocation.sentOn': 'Envoi de la convocation',
        }}
      />
      {members.value && list.length === 0 && <p>Aucun membre de la commission n'est encore nommé.</p>}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date de la séance" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Envoi de la convocation"
            hint="Facultatif. Cinq jours au moins avant la séance, sauf urgence."
            type="date"
            value={sentOn}
            onChange={(e) => setSentOn(e.target.value)}
            error={errors['convocation.sentOn']}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Checkbox label="Séance convoquée en urgence" checked={urgent} onChange={setUrgent} />
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Select
            label="Président de séance"
            placeholder="Choisir parmi les présents"
            options={present.map((id) => [id, nameOf(id)] as [string, string])}
            value={chair}
            onChange={(e) => setChair(e.target.value)}
            error={errors.chairMemberId}
          />
        </div>
      </div>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Membres présents et mandats</legend>
        {list.map((m) => (
          <div key={m.memberId} className="fr-fieldset__element">
            <Checkbox label={`Présent : ${m.name}`} checked={present.includes(m.memberId)} onChange={(checked) => togglePresent(m.memberId, checked)} />
            {!present.includes(m.memberId) && present.length > 0 && (
              <Select
                label={`Mandat donné par ${m.name} à`}
                placeholder="Aucun mandat"
                options={present.map((id) => [id, nameOf(id)] as [string, string])}
                value={mandates[m.memberId] ?? ''}
                onChange={(e) => setMandates({ ...mandates, [m.memberId]: e.target.value })}
              />
            )}
          </div>
        ))}
      </fieldset>
      <button className="fr-btn fr-mt-2w" type="submit">
        {firstConvocationId ? 'Convoquer la seconde convocation' : 'Convoquer la séance'}
      </button>
    </form>
  );
}

interface OpinionRow {
  opinion: string;
  votesFor: string;
  votesAgainst: string;
  abstentions: string;
  chairVotedFor: string;
}

function Opinions({ departement, sessionId, agenda }: { departement: string; sessionId: string; agenda: string[] }) {
  const [rows, setRows] = useState<Record<string, OpinionRow>>({});
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const row = (id: string): OpinionRow =>
    rows[id] ?? { opinion: '', votesFor: '', votesAgainst: '', abstentions: '0', chairVotedFor: '' };
  const set = (id: string, key: keyof OpinionRow, value: string) => setRows({ ...rows, [id]: { ...row(id), [key]: value } });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const results: Outcome[] = [];
    for (const dossierId of agenda) {
      const r = row(dossierId);
      if (!r.opinion) {
        continue;
      }
      try {
        await post(`/api/departements/${departement}/commission/sessions/${sessionId}/opinions`, {
          dossierId,
          opinion: r.opinion,
          votesFor: r.votesFor === '' ? null : Number(r.votesFor),
          votesAgainst: r.votesAgainst === '' ? null : Number(r.votesAgainst),
          abstentions: r.abstentions === '' ? null : Number(r.abstentions),
          chairVotedFor: r.chairVotedFor === '' ? null : r.chairVotedFor === 'oui',
        });
        results.push({ dossierId, ok: true, message: `avis ${OPINION_LABELS[r.opinion].toLowerCase()} enregistré` });
      } catch (error) {
        const problem = asProblem(error);
        const details = (problem.errors ?? []).map((e) => `${e.field} : ${e.message}`).join(' ; ');
        results.push({ dossierId, ok: false, message: details || problem.detail || problem.title });
      }
    }
    setOutcomes(results);
  };
  return (
    <form onSubmit={submit} noValidate className="fr-mt-6w">
      <h2>Avis de la commission pour la séance</h2>
      {outcomes.length > 0 && outcomes.every((o) => o.ok) && <Success>Les avis de la séance sont enregistrés.</Success>}
      {agenda.map((dossierId) => (
        <fieldset className="fr-fieldset" key={dossierId}>
          <legend className="fr-fieldset__legend">Dossier {shortId(dossierId)}</legend>
          <div className="fr-fieldset__element fr-col-12 fr-col-md-3">
            <Select
              label={`Avis – dossier ${shortId(dossierId)}`}
              value={row(dossierId).opinion}
              onChange={(e) => set(dossierId, 'opinion', e.target.value)}
              placeholder="Pas encore d'avis"
              options={Object.entries(OPINION_LABELS)}
            />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input label={`Voix pour – dossier ${shortId(dossierId)}`} type="number" min={0} value={row(dossierId).votesFor} onChange={(e) => set(dossierId, 'votesFor', e.target.value)} />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input label={`Voix contre – dossier ${shortId(dossierId)}`} type="number" min={0} value={row(dossierId).votesAgainst} onChange={(e) => set(dossierId, 'votesAgainst', e.target.value)} />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Input label={`Abstentions – dossier ${shortId(dossierId)}`} type="number" min={0} value={row(dossierId).abstentions} onChange={(e) => set(dossierId, 'abstentions', e.target.value)} />
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <Select
              label={`Voix du président – dossier ${shortId(dossierId)}`}
              value={row(dossierId).chairVotedFor}
              onChange={(e) => set(dossierId, 'chairVotedFor', e.target.value)}
              placeholder="Choisir"
              options={[
                ['oui', 'Pour'],
                ['non', 'Contre'],
              ]}
            />
          </div>
        </fieldset>
      ))}
      <button className="fr-btn" type="submit">
        Enregistrer les avis de la séance
      </button>
      <Outcomes outcomes={outcomes} caption="Avis enregistrés" />
    </form>
  );
}
