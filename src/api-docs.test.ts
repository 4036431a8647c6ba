// Every export of the two entries (`whosaid`, `whosaid/core`) carries a TSDoc comment: the API reference
// (`npm run docs`, TypeDoc) is made from them, and an export without one is a blank in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const entries = ['src/index.ts', 'src/core/index.ts'].map((f) => fileURLToPath(new URL(`../${f}`, import.meta.url)));

test('every public export has a TSDoc comment', () => {
  const program = ts.createProgram(entries, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const undocumented: string[] = [];
  let count = 0;
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      count++;
      if (ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '') undocumented.push(`${entry.replace(/.*\/src\//, 'src/')}: ${exported.name}`);
    }
  }
  assert.ok(count > 20, `only ${count} exports seen`);
  assert.deepEqual(undocumented, []);
});
