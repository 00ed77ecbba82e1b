// The module-resolution hook behind register.mjs: `electron` is the stand-in.
let standinUrl = '';

export function initialize(data) {
  standinUrl = data.standinUrl;
}

export function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: standinUrl, format: 'commonjs', shortCircuit: true };
  return nextResolve(specifier, context);
}
