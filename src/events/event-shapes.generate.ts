import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Shape } from './event-shape';

/**
 * Reads every `DomainEvent<'Type', Data>` alias declared in the `*.events.ts` files under `src/`
 * and turns each `Data` into a `Shape`. `npm run event-shapes` rewrites `event-shapes.ts`; the
 * spec compares the committed file with a fresh generation, so a new or changed event type fails
 * `npm test` until it is regenerated.
 */
export function generateEventShapes(sourceRoot: string): Record<string, Shape> {
  const files = eventFiles(sourceRoot);
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const shapes: Record<string, Shape> = {};
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    for (const statement of source.statements) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      const type = checker.getTypeAtLocation(statement.name);
      const typeProperty = type.getProperty('type');
      const dataProperty = type.getProperty('data');
      if (!typeProperty || !dataProperty || type.isUnion()) continue;
      const literal = checker.getTypeOfSymbolAtLocation(typeProperty, statement);
      if (!literal.isStringLiteral()) continue;
      shapes[literal.value] = shapeOf(checker, checker.getTypeOfSymbolAtLocation(dataProperty, statement), statement, 0);
    }
  }
  return Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b)));
}

function eventFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === '__generated__' ? [] : eventFiles(path);
    return name.endsWith('.events.ts') ? [path] : [];
  });
}

function shapeOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, depth: number): Shape {
  if (depth > 8) return 'unknown';
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'unknown';
  if (flags & ts.TypeFlags.String) return 'string';
  if (flags & ts.TypeFlags.Number) return 'number';
  if (flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return 'boolean';
  if (flags & ts.TypeFlags.Null) return 'null';
  if (type.isStringLiteral()) return { enum: [type.value] };
  if (type.isUnion()) return unionShape(checker, type, at, depth);
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const element = checker.getTypeArguments(type as ts.TypeReference)[0];
    return { array: element ? shapeOf(checker, element, at, depth + 1) : 'unknown' };
  }
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (index && type.getProperties().length === 0) return { record: shapeOf(checker, index.type, at, depth + 1) };
  const object: Record<string, { shape: Shape; optional?: true }> = {};
  for (const property of type.getProperties()) {
    const propertyType = checker.getTypeOfSymbolAtLocation(property, at);
    // `x?: T` and `x: T | undefined` both serialise to a missing field.
    const members = propertyType.isUnion() ? propertyType.types : [propertyType];
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0 || members.some((member) => member.flags & ts.TypeFlags.Undefined);
    const defined = optional ? checker.getNonNullableType(propertyType) : propertyType;
    const nullable = optional && members.some((member) => member.flags & ts.TypeFlags.Null);
    const shape = shapeOf(checker, defined, at, depth + 1);
    object[property.name] = { shape: nullable ? withNull(shape) : shape, ...(optional ? { optional: true as const } : {}) };
  }
  return { object };
}

function unionShape(checker: ts.TypeChecker, type: ts.UnionType, at: ts.Node, depth: number): Shape {
  const members = type.types.filter((member) => !(member.flags & ts.TypeFlags.Undefined));
  if (members.every((member) => member.isStringLiteral())) return { enum: members.map((member) => (member as ts.StringLiteralType).value).sort() };
  const options: Shape[] = [];
  const literals: string[] = [];
  for (const member of members) {
    if (member.isStringLiteral()) literals.push(member.value);
    else options.push(shapeOf(checker, member, at, depth + 1));
  }
  if (literals.length > 0) options.push({ enum: literals.sort() });
  const unique = options.filter((option, index) => options.findIndex((other) => JSON.stringify(other) === JSON.stringify(option)) === index);
  return unique.length === 1 ? unique[0]! : { anyOf: unique };
}

function withNull(shape: Shape): Shape {
  if (shape === 'null') return shape;
  if (typeof shape === 'object' && 'anyOf' in shape) return shape.anyOf.includes('null') ? shape : { anyOf: [...shape.anyOf, 'null'] };
  return { anyOf: [shape, 'null'] };
}

/** The committed file's text for these shapes. */
export function eventShapesSource(shapes: Record<string, Shape>): string {
  return `import type { Shape } from './event-shape';

/** Generated by event-shapes.generate.ts from the \`*.events.ts\` types: do not edit by hand. */
export const eventShapes: Readonly<Record<string, Shape>> = {
${Object.entries(shapes).map(([type, shape]) => `  ${type}: ${JSON.stringify(shape)},`).join('\n')}
};
`;
}

if (require.main === module) {
  const root = resolve(__dirname, '..');
  const target = join(__dirname, 'event-shapes.ts');
  const shapes = generateEventShapes(root);
  writeFileSync(target, eventShapesSource(shapes));
  process.stdout.write(`${Object.keys(shapes).length} event types written to ${relative(process.cwd(), target)}\n`);
}
