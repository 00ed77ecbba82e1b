/** Every problem of the last save or step check, each with the part of the settings it is in. */
import { useI18n } from '../app-context.js';
import { hasProblemsUnder, type FieldProblem } from './document-path.js';
import { plainProblem } from './plain-problem.js';
import { SECTION_LABELS } from './section-labels.js';

export function ProblemList({
  problems,
  title = 'settings.notSaved',
}: {
  problems: readonly FieldProblem[];
  title?: 'settings.notSaved' | 'settings.fileProblems' | 'wizard.fixStep';
}) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="problem-list" role="alert">
      <p>{t(title)}</p>
      <ul>
        {problems.map((problem) => {
          const text = plainProblem(problem.path, problem.message, t);
          const section = SECTION_LABELS.find((each) =>
            each.paths.some((path) => hasProblemsUnder([problem], path)),
          );
          return (
            <li key={`${problem.path}: ${problem.message}`}>
              {section === undefined ? text : t('problem.in', { section: t(section.label), problem: text })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
