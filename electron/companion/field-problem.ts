/** A problem with one field of a settings document, as the wizard and settings window show it. */

/** A problem with a field of the document: its path (`line.token`) and what is wrong. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** `path: message` (as formatIssues writes them) as a field problem; no path when there is none. */
export function splitProblem(problem: string): FieldProblem {
  const colon = problem.indexOf(': ');
  return colon < 0
    ? { path: '', message: problem }
    : { path: problem.slice(0, colon), message: problem.slice(colon + 2) };
}
