import { useCallback, useEffect, useRef, useState } from 'react';
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

/** What {@link useLoad} gives a page, as {@link usePoll} reads it. */
export interface Loaded<T> {
  value: T | null;
  problem: Problem | null;
  reload: () => void;
}

export interface PollOptions<T> {
  /**
   * What the page waits for: while the value read does not show it, the value is read again once a
   * second. {@code null}: nothing awaited, no reading again. A new condition starts a new count.
   */
  until: ((value: T) => boolean) | null;
  /** Reads again at most, while the value does not show what is awaited; unbounded when omitted. */
  tries?: number;
  /**
   * Reads again at most while the API answers 404: what was just recorded reaches its read model a
   * moment later, and is not found until then. None when omitted (a 404 is then final).
   */
  notFoundTries?: number;
}

/**
 * Reads a {@link useLoad} value again, once a second, until it shows what the page awaits or the
 * tries are spent: the API's reads are eventually consistent, so what was just recorded shows a
 * moment later. Not a timer otherwise (a reading of personal data is logged, each time).
 *
 * @returns whether it is still reading again, and whether what is awaited is not found yet
 */
export function usePoll<T>({ value, problem, reload }: Loaded<T>, { until, tries = Infinity, notFoundTries = 0 }: PollOptions<T>) {
  // The counts belong to the condition: a new one (a new thing awaited) starts from nothing.
  const count = useRef({ until, found: 0, notFound: 0 });
  if (count.current.until !== until) {
    count.current = { until, found: 0, notFound: 0 };
  }
  const notFoundYet = until !== null && !value && problem?.status === 404 && count.current.notFound < notFoundTries;
  const again = until !== null && (value ? !until(value) && count.current.found < tries : notFoundYet);
  useEffect(() => {
    if (!again) {
      return;
    }
    const counted = count.current;
    const timer = window.setTimeout(() => {
      if (value) {
        counted.found += 1;
      } else {
        counted.notFound += 1;
      }
      reload();
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [again, value, problem, reload]);
  return { polling: again, notFoundYet };
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
