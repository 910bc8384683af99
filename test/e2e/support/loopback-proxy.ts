/** The loopback proxy lives with `npm start`, which runs Firefox through it; the tests use the same. */
export * from '../../../src/cli/browsers/loopback-proxy.ts';
