// Writes provider/plugin/schema.json from the resource descriptions and their TSDoc (run after tsc:
// `npm run schema`). tests/plugin/schema.test.ts fails when the file is stale.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { generatedSchemaText, SCHEMA_FILE } = require(join(root, "dist/tests/plugin/schema-docs.js"));
writeFileSync(join(root, SCHEMA_FILE), await generatedSchemaText(root));
console.log(`${SCHEMA_FILE} written`);
