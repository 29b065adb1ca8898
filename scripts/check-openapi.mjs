#!/usr/bin/env node
// Validates src/platform/rest/openapi.yaml against the OpenAPI 3.1 specification with
// @readme/openapi-parser (ReadMe's maintained fork of swagger-parser), $refs resolved. `npm test`
// runs it; the reference server's answers are checked against the same document in the tests.
import { validate } from '@readme/openapi-parser';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../src/platform/rest/openapi.yaml', import.meta.url));
const result = await validate(file);
if (!result.valid) {
  console.error('openapi.yaml is not a valid OpenAPI document:');
  for (const error of result.errors) console.error(`  ${error.message}`);
  process.exit(1);
}
for (const warning of result.warnings) console.warn(`  warning: ${warning.message}`);
console.log('openapi.yaml is a valid OpenAPI 3.1 document.');
