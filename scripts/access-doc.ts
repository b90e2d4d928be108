/** Writes docs/access.md from the access policy (functions/src/policy). A unit test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { accessMarkdown } from '../functions/src/policy/matrix';

const target = resolve(import.meta.dirname, '..', 'docs', 'access.md');
writeFileSync(target, accessMarkdown());
console.log(`✔ ${target}`);
