import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { Problem } from '../problems';

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
}

/** A DSFR text input with its label, hint and, when the platform refused it, the message. */
export function Input({ label, hint, error, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-erreur`;
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={inputId}>
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <input
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error && (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Textarea({ label, hint, error, id, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const areaId = id ?? generated;
  const errorId = `${areaId}-erreur`;
  return (
    <div className={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={areaId}>
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <textarea
        className={`fr-input${error ? ' fr-input--error' : ''}`}
        id={areaId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...area}
      />
      {error && (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function Select({
  label,
  hint,
  error,
  id,
  options,
  placeholder,
  ...select
}: FieldProps & { options: [string, string][]; placeholder?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  const generated = useId();
  const selectId = id ?? generated;
  const errorId = `${selectId}-erreur`;
  return (
    <div className={`fr-select-group${error ? ' fr-select-group--error' : ''}`}>
      <label className="fr-label" htmlFor={selectId}>
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
      <select
        className={`fr-select${error ? ' fr-select--error' : ''}`}
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {error && (
        <p className="fr-error-text" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A yes/no question whose answer may not be given yet (null), as a DSFR radio group. */
export function YesNo({
  legend,
  name,
  value,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={`fr-fieldset${error ? ' fr-fieldset--error' : ''}`}
      id={`${id}-groupe`}
      aria-labelledby={`${id}-legende${error ? ` ${id}-erreur` : ''}`}
    >
      <legend className="fr-fieldset__legend--regular fr-fieldset__legend" id={`${id}-legende`}>
        {legend}
      </legend>
      {[
        [true, 'Oui'],
        [false, 'Non'],
      ].map(([answer, text]) => (
        <div className="fr-fieldset__element fr-fieldset__element--inline" key={String(answer)}>
          <div className="fr-radio-group">
            <input
              type="radio"
              id={`${id}-${String(answer)}`}
              name={name}
              checked={value === answer}
              onChange={() => onChange(answer as boolean)}
            />
            <label className="fr-label" htmlFor={`${id}-${String(answer)}`}>
              {text as string}
            </label>
          </div>
        </div>
      ))}
      {error && (
        <div className="fr-messages-group" id={`${id}-erreur`} aria-live="polite">
          <p className="fr-message fr-message--error">{error}</p>
        </div>
      )}
    </fieldset>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="fr-checkbox-group">
      <input type="checkbox" id={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint && <span className="fr-hint-text">{hint}</span>}
      </label>
    </div>
  );
}

/** A problem that no single field carries (a conflict, a refusal), or the list of all errors. */
export function ProblemAlert({
  problem,
  labels,
  children,
}: {
  problem: Problem | null;
  labels?: Record<string, string>;
  children?: ReactNode;
}) {
  if (!problem) {
    return null;
  }
  const errors = problem.errors ?? [];
  return (
    <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" tabIndex={-1}>
      <h2 className="fr-alert__title">{problem.title}</h2>
      {problem.detail && <p>{problem.detail}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((error) => (
            <li key={error.field + error.message}>
              {labels?.[error.field] ?? error.field} : {error.message}
            </li>
          ))}
        </ul>
      )}
      {children}
      {problem.requestId && <p className="fr-text--xs">Référence de la requête : {problem.requestId}</p>}
    </div>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <div className="fr-alert fr-alert--success fr-mb-3w" role="status">
      <p>{children}</p>
    </div>
  );
}
