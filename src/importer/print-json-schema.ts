// Prints the JSON Schema of the importer's output (from the zod schema), for docs/importer.md:
//   npx tsx src/importer/print-json-schema.ts
import { parsedDocumentJsonSchema } from './schema';

console.log(JSON.stringify(parsedDocumentJsonSchema(), null, 2));
