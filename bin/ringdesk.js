#!/usr/bin/env node
// The `ringdesk` command: runs the bundled CLI (dist/cli/, built by `npm ci` and `npm run build`;
// `npm run build:cli` rebuilds it after a change to the sources).
try {
  await import('../dist/cli/ringdesk.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/ringdesk.js')) {
    throw error;
  }
  process.stderr.write(
    'ringdesk: the command is not built yet: run "npm run build:cli" in the Ringdesk folder\n',
  );
  process.exitCode = 1;
}
