/**
 * "Choose a file…" beside a settings field that names an address book. In the desktop app it is
 * the OS's own dialog; a browser cannot hand the host a path, so there it lists the address books
 * in the folder typed in the field (your home folder when it is empty) to pick one from.
 */
import { useState } from 'react';
import { useI18n, useServices } from '../app-context.js';

type Listing =
  | { readonly phase: 'idle' | 'running' }
  | {
      readonly phase: 'listed';
      readonly folder: string;
      readonly files: readonly string[];
      readonly more: boolean;
    }
  | { readonly phase: 'failed'; readonly error: string };

export function FilePicker({
  id,
  kind,
  value,
  onPick,
  disabled,
}: {
  id: string;
  kind: 'csv' | 'vcard';
  value: string;
  onPick: (path: string) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { bridge } = useServices();
  const [listing, setListing] = useState<Listing>({ phase: 'idle' });
  const choose = async () => {
    setListing({ phase: 'running' });
    try {
      const picked = await bridge.invoke('pickFile', { kind });
      if (picked.available) {
        if (picked.path !== null) onPick(picked.path);
        setListing({ phase: 'idle' });
        return;
      }
      const found = await bridge.invoke('listFiles', { folder: value.trim() === '' ? '~' : value, kind });
      setListing('error' in found ? { phase: 'failed', error: found.error } : { phase: 'listed', ...found });
    } catch (error) {
      setListing({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="file-picker">
      <button type="button" disabled={disabled || listing.phase === 'running'} onClick={() => void choose()}>
        {t('file.choose')}
      </button>
      <div role="status" id={`${id}-files`}>
        {listing.phase === 'running' ? <p className="muted">{t('file.listing')}</p> : null}
        {listing.phase === 'failed' ? (
          <p className="test-verdict test-bad">{t('file.failed', { error: listing.error })}</p>
        ) : null}
        {listing.phase === 'listed' && listing.files.length === 0 ? (
          <p>{t('file.none', { folder: listing.folder })}</p>
        ) : null}
      </div>
      {listing.phase === 'listed' && listing.files.length > 0 ? (
        <>
          <p>{t('file.found', { folder: listing.folder })}</p>
          <ul className="file-list">
            {listing.files.map((file) => (
              <li key={file}>
                <button
                  type="button"
                  className="file-choice"
                  onClick={() => {
                    onPick(file);
                    setListing({ phase: 'idle' });
                  }}
                >
                  {file.split(/[\\/]/).pop()}
                </button>
              </li>
            ))}
          </ul>
          {listing.more ? <p className="muted">{t('file.more', { count: 200 })}</p> : null}
        </>
      ) : null}
    </div>
  );
}
