/** `npm ci` (prepare) and `npm run build` step: the `ringdesk` command into dist/cli/ (see cli-bundle.ts). */
import { bundleCli } from './cli-bundle.js';

await bundleCli();
