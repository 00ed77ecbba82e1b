// Loaded with `node --import` before the app's main: resolves `electron` to the stand-in
// (STANDIN_MODULE, a CommonJS bundle of electron.ts), for ESM `import` (a resolve hook) and for
// CommonJS `require` (electron-updater requires it), so both get the one same module instance.
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const standin = process.env.STANDIN_MODULE;
if (standin === undefined || standin === '') throw new Error('STANDIN_MODULE names no stand-in');

register(new URL('./resolve-hook.mjs', import.meta.url), {
  data: { standinUrl: pathToFileURL(standin).href },
});

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? standin : resolveFilename.call(this, request, ...rest);
};
