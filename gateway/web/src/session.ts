import { createContext, useContext } from 'react';
import type { Me } from './api';

export const MeContext = createContext<Me | null>(null);

/** The signed-in person (the application shows its pages to signed-in people only). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) {
    throw new Error('no signed-in person');
  }
  return me;
}

export const has = (me: Me, ...roles: string[]) => roles.some((role) => me.roles.includes(role));

export const isNational = (me: Me) => me.departements.includes('*');

/** The département the person works on first: theirs, or Haute-Garonne for national roles. */
export const firstDepartement = (me: Me) =>
  me.departements.find((code) => code !== '*') ?? '31';
