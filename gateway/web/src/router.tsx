import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();

/** Goes to a page of the application without reloading it. */
export function navigate(to: string) {
  window.history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
}

/** The current path and query, updated on navigation. */
export function useLocation() {
  const [location, setLocation] = useState(() => ({
    path: window.location.pathname,
    query: new URLSearchParams(window.location.search),
  }));
  useEffect(() => {
    const update = () =>
      setLocation({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** A link inside the application. */
export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}

/** Matches a path against a pattern like /dossiers/:id. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    '^' +
      pattern.replace(/:[a-zA-Z]+/g, (name) => {
        names.push(name.slice(1));
        return '([^/]+)';
      }) +
      '/?$',
  );
  const found = regex.exec(path);
  if (!found) {
    return null;
  }
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}
