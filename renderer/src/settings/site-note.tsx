/**
 * The note at the top of the settings and the wizard when an administrator's site settings apply:
 * where they come from, and that the fields they lock are shown but cannot be changed here.
 */
import { useI18n } from '../app-context.js';
import { useEditorState } from './editor-context.js';

export function SiteNote() {
  const { t } = useI18n();
  const site = useEditorState((state) => state.site);
  if (site === null) return null;
  return (
    <p className="site-note">
      {t(site.locked.length === 0 ? 'settings.siteDefaults' : 'settings.siteLocked', { source: site.source })}
    </p>
  );
}
