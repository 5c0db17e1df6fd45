import { describe, expect, it } from 'vitest';
import { fieldErrors, problemOf, unplacedErrors } from './problems';

describe('problems', () => {
  const problem = {
    title: 'Requête invalide',
    status: 400,
    errors: [
      { field: 'person.lastName', message: 'obligatoire' },
      { field: 'nationality', message: 'code pays ISO 3166-1 alpha-2 attendu (ex. NG)' },
      { field: 'nationality', message: 'obligatoire' },
      { field: 'associationId', message: 'association inconnue' },
    ],
  };

  it('puts every message next to its field, several on one field together', () => {
    expect(fieldErrors(problem)).toEqual({
      'person.lastName': 'obligatoire',
      nationality: 'code pays ISO 3166-1 alpha-2 attendu (ex. NG) ; obligatoire',
      associationId: 'association inconnue',
    });
  });

  it('lists apart what no field of the form shows', () => {
    expect(unplacedErrors(problem, ['person.lastName', 'nationality'])).toEqual([
      { field: 'associationId', message: 'association inconnue' },
    ]);
  });

  it('says something in French when the body is not a problem', () => {
    expect(problemOf(502, 'Bad Gateway').title).toBe('Le service ne répond pas');
    expect(problemOf(404, { title: 'Introuvable', status: 404 }).title).toBe('Introuvable');
  });
});
