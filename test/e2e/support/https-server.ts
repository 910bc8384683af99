/** The local HTTPS server lives with `npm start`, which serves its demo page with it; the tests use the same. */
export * from '../../../src/cli/browsers/local-https.ts';
