import type { ReactNode } from 'react';

/** A DSFR table with its caption (read by screen readers first) and column headers. */
export function Table({
  caption,
  headers,
  rows,
  hideCaption = false,
  scrollable = false,
}: {
  caption: string;
  headers: string[];
  rows: ReactNode[][];
  hideCaption?: boolean;
  /** Wider than the page: the keyboard can reach it and scroll it (RGAA, axe's scrollable-region-focusable). */
  scrollable?: boolean;
}) {
  return (
    <div className={`fr-table fr-table--bordered${hideCaption ? ' fr-table--no-caption' : ''}`}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': `Tableau : ${caption}` } : {})}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th scope="col" key={header}>
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 ? (
                  <tr>
                    <td colSpan={headers.length}>Aucune ligne.</td>
                  </tr>
                ) : (
                  rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) =>
                        j === 0 ? (
                          <th scope="row" key={j}>
                            {cell}
                          </th>
                        ) : (
                          <td key={j}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
