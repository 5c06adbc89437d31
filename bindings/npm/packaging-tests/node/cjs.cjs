// Node (CommonJS): `require` loads the ESM package synchronously (Node 20.19 and later).
const { score } = require('ocop');

const { check, example } = require('../shared/check.js');

console.log(check(score(example)));
