/**
 * What a line is, for the faces' words: the product behind it (Asterisk, Windows TAPI, a Zammad
 * webhook, ...) and where it connects or listens (`pbx:5038`), read from the settings. The
 * providers keep their settings' identifiers (`ami`, `tapi`); faces name the product instead.
 */
import type { LineProduct } from '../contract/models.js';
import type { LineSettings } from './settings/settings-schema.js';

export interface LineIdentity {
  readonly product: LineProduct;
  /** Where the line connects or listens; null for the simulator and TAPI (a local driver). */
  readonly target: string | null;
}

/** The product and place of the line the settings name. */
export function lineIdentity(line: LineSettings): LineIdentity {
  switch (line.provider) {
    case 'simulator':
      return { product: 'simulator', target: null };
    case 'ami':
      return { product: 'asterisk', target: `${line.host}:${line.port}` };
    case 'tapi':
      return { product: 'tapi', target: null };
    case 'action-url': {
      // One listener may serve several kinds; only a single one is named by its product.
      const kinds = [
        line.zammad === undefined ? null : ('zammad' as const),
        line.kix === undefined ? null : ('kix' as const),
        line.phone === undefined ? null : ('desk-phone' as const),
      ].filter((kind) => kind !== null);
      const [only] = kinds;
      return { product: kinds.length === 1 && only !== undefined ? only : 'webhooks', target: line.listen };
    }
  }
}
