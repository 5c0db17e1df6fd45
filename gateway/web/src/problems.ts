/** An RFC 9457 problem as the platform writes it: French title, detail, every field at fault. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
}

/** The problem of a response, or one said in French when the body is not a problem. */
export function problemOf(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && 'title' in body && typeof (body as Problem).title === 'string') {
    return { ...(body as Problem), status };
  }
  return {
    status,
    title: status >= 500 ? 'Le service ne répond pas' : 'Requête refusée',
    detail:
      status >= 500
        ? 'Une erreur est survenue ; réessayez dans un instant.'
        : 'La plateforme a refusé cette opération.',
  };
}

/**
 * The messages of a problem by field, as the form names its fields ("person.lastName",
 * "plan.signedOn"): several messages on one field are joined.
 */
export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    byField[error.field] = byField[error.field]
      ? `${byField[error.field]} ; ${error.message}`
      : error.message;
  }
  return byField;
}

/** The problem's field errors that no field of the form shows, to list them above it. */
export function unplacedErrors(problem: Problem | null | undefined, fields: readonly string[]) {
  return (problem?.errors ?? []).filter((error) => !fields.includes(error.field));
}
