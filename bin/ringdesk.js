#!/usr/bin/env node
// The `ringdesk` command: runs the TypeScript CLI through tsx, so the command always matches
// the sources (no build step between `npm ci` and `npx ringdesk`).
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
