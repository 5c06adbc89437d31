// The types of `ocop/forms`: printSheet, printCouncil and printDossierForm, each returning the
// form as an A4 HTML string, and the request types they read.
export * from './forms/ocop_forms.js';

/** Resolves once the forms module is loaded (already so when the import has resolved). */
export declare const ready: Promise<void>;
