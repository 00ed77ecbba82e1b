/** `npm run build` step: the preloads into dist/preload/ (see preload-bundle.ts). */
import { bundlePreloads } from './preload-bundle.js';

await bundlePreloads('dist/preload');
