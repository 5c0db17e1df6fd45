import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';
import type { Problem } from './problems';

/** Data read from the API for a page: the value, the problem if refused, and a way to reload. */
export function useLoad<T>(read: () => Promise<T>, deps: unknown[], refreshEveryMs?: number) {
  const [value, setValue] = useState<T | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const reload = useCallback(read, deps);
  const run = useCallback(
    () =>
      reload()
        .then((result) => {
          setValue(result);
          setProblem(null);
          setLoadedAt(new Date());
        })
        .catch((error) => setProblem(asProblem(error))),
    [reload],
  );
  useEffect(() => {
    setValue(null);
    run();
    if (!refreshEveryMs) {
      return;
    }
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        run();
      }
    }, refreshEveryMs);
    return () => window.clearInterval(timer);
  }, [run, refreshEveryMs]);
  return { value, problem, reload: run, loadedAt };
}

export function asProblem(error: unknown): Problem {
  if (error instanceof ApiError) {
    return error.problem;
  }
  return {
    status: 0,
    title: 'La plateforme est injoignable',
    detail: 'Vérifiez votre connexion, puis réessayez.',
  };
}
