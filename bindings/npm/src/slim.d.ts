// ocop/slim has the same functions and types as ocop; only its loading differs (see init).
export * from './index.js';
export { default } from './index.js';
