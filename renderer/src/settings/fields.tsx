/**
 * One form field per `FieldSpec`: label, input, help, and the Companion's problems with it right
 * below (linked with aria-describedby, so a screen reader reads them with the field).
 */
import { useI18n } from '../app-context.js';
import { getAt, isLockedPath, pathText, problemsAt, type Json, type Path } from './document-path.js';
import { useEditor, useEditorState } from './editor-context.js';
import type { FieldSpec } from './field-specs.js';
import {
  fromCheckbox,
  fromNumber,
  fromSection,
  fromShortcut,
  fromText,
  sectionOn,
  shownShortcut,
  shownText,
} from './field-values.js';
import { plainProblem } from './plain-problem.js';
import { FilePicker } from './file-picker.js';
import { SecretField } from './secret-field.js';

/** A DOM id for a settings path. */
export function fieldId(path: Path): string {
  return `f-${pathText(path).replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The problems of a field, said plainly. */
export function FieldProblems({ path, id }: { path: Path; id: string }) {
  const { t } = useI18n();
  const problems = useEditorState((state) => state.problems);
  const messages = problemsAt(problems, path);
  if (messages.length === 0) return null;
  return (
    <ul className="field-problems" id={id}>
      {messages.map((message) => (
        <li key={message}>{plainProblem(pathText(path), message, t)}</li>
      ))}
    </ul>
  );
}

/** Says that a field is the administrator's (site settings), next to it. */
function LockedNote({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p className="field-locked" id={id}>
      {t('settings.locked')}
    </p>
  );
}

function isSet(value: Json | undefined): boolean {
  return value !== undefined && value !== null && value !== false && value !== '';
}

/**
 * The fields of one part of the settings (`base`: where that part is); `notes` are warnings
 * already in the user's words, by field (`extensionMaxLength`): the value saves, but will surprise.
 */
export function Fields({
  specs,
  base,
  placeholders = {},
  notes = {},
}: {
  specs: readonly FieldSpec[];
  base: Path;
  placeholders?: Readonly<Record<string, string>>;
  notes?: Readonly<Record<string, readonly string[]>>;
}) {
  const draft = useEditorState((state) => state.draft);
  return (
    <div className="fields">
      {specs
        .filter((spec) => spec.requires === undefined || isSet(getAt(draft, [...base, ...spec.requires])))
        .map((spec) => (
          <FormField
            key={spec.path.join('.')}
            spec={spec}
            base={base}
            placeholder={placeholders[spec.path.join('.')]}
            notes={notes[spec.path.join('.')]}
          />
        ))}
    </div>
  );
}

export function FormField({
  spec,
  base,
  placeholder,
  notes,
}: {
  spec: FieldSpec;
  base: Path;
  placeholder?: string;
  /** Warnings about the value; given (even empty), they are announced as they change. */
  notes?: readonly string[] | undefined;
}) {
  const editor = useEditor();
  const { t } = useI18n();
  const path = [...base, ...spec.path];
  const id = fieldId(path);
  const value = useEditorState((state) => getAt(state.draft, path));
  const invalid = useEditorState((state) => problemsAt(state.problems, path).length > 0);
  const locked = useEditorState((state) => state.site !== null && isLockedPath(state.site.locked, path));
  const describedBy = [
    locked ? `${id}-locked` : '',
    invalid ? `${id}-problems` : '',
    spec.help === undefined ? '' : `${id}-help`,
    notes === undefined || notes.length === 0 ? '' : `${id}-warnings`,
  ]
    .filter((each) => each !== '')
    .join(' ');
  const common = {
    id,
    'aria-invalid': invalid,
    ...(locked ? { disabled: true } : {}),
    ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
  };
  const set = (next: Json | undefined) => editor.edit(path, next);
  let input;
  switch (spec.kind) {
    case 'text':
    case 'number':
      input = (
        <input
          {...common}
          type="text"
          inputMode={spec.kind === 'number' ? 'numeric' : undefined}
          spellCheck={false}
          value={shownText(value)}
          placeholder={placeholder ?? spec.placeholder}
          onChange={(event) =>
            set(spec.kind === 'number' ? fromNumber(event.target.value) : fromText(event.target.value))
          }
        />
      );
      break;
    case 'shortcut':
      input = (
        <input
          {...common}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={shownShortcut(value, spec.defaultValue)}
          placeholder={t('field.shortcutOff')}
          onChange={(event) => set(fromShortcut(event.target.value, spec.defaultValue))}
        />
      );
      break;
    case 'file':
      input = (
        <>
          <input
            {...common}
            type="text"
            spellCheck={false}
            value={shownText(value)}
            onChange={(event) => set(fromText(event.target.value))}
          />
          <FilePicker
            id={id}
            kind={spec.fileKind}
            value={shownText(value)}
            onPick={(picked) => set(picked)}
            disabled={locked}
          />
        </>
      );
      break;
    case 'lines':
      input = (
        <textarea
          {...common}
          rows={3}
          spellCheck={false}
          value={Array.isArray(value) ? value.map((line) => shownText(line)).join('\n') : shownText(value)}
          placeholder={spec.placeholder}
          onChange={(event) => {
            const lines = event.target.value.split('\n');
            set(lines.every((line) => line === '') ? undefined : lines);
          }}
          onBlur={() => {
            if (Array.isArray(value)) set(value.filter((line) => line !== ''));
          }}
        />
      );
      break;
    case 'secret':
      input = <SecretField common={common} path={path} value={value} onChange={set} />;
      break;
    case 'checkbox':
    case 'section': {
      const checked =
        spec.kind === 'checkbox'
          ? typeof value === 'boolean'
            ? value
            : spec.defaultValue
          : sectionOn(value);
      return (
        <div className="field field-check">
          <input
            {...common}
            type="checkbox"
            checked={checked}
            onChange={(event) =>
              set(
                spec.kind === 'checkbox'
                  ? fromCheckbox(event.target.checked, spec.defaultValue)
                  : fromSection(event.target.checked, value),
              )
            }
          />
          <label htmlFor={id}>{t(spec.label)}</label>
          {locked ? <LockedNote id={`${id}-locked`} /> : null}
          {spec.help === undefined ? null : (
            <p className="field-help" id={`${id}-help`}>
              {t(spec.help)}
            </p>
          )}
          <FieldProblems path={path} id={`${id}-problems`} />
        </div>
      );
    }
    case 'select':
      input = (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => {
            const chosen = event.target.value;
            if (chosen === '' && spec.clearsParent === true) editor.edit(path.slice(0, -1), undefined);
            else set(chosen === '' ? undefined : chosen);
          }}
        >
          {spec.unset === undefined ? null : <option value="">{t(spec.unset)}</option>}
          {spec.options.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
          {typeof value === 'string' &&
          value !== '' &&
          !spec.options.some((option) => option.value === value) ? (
            <option value={value}>{value}</option>
          ) : null}
        </select>
      );
      break;
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t(spec.label)}</label>
      {input}
      {locked ? <LockedNote id={`${id}-locked`} /> : null}
      {spec.help === undefined ? null : (
        <p className="field-help" id={`${id}-help`}>
          {t(spec.help)}
        </p>
      )}
      <FieldProblems path={path} id={`${id}-problems`} />
      {notes === undefined ? null : (
        <div aria-live="polite">
          {notes.length === 0 ? null : (
            <ul className="field-warnings" id={`${id}-warnings`}>
              {notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
