/**
 * The shape of an event's `data`, as the TypeScript type that declares it says: what `events
 * import` checks each line against. Generated from the `*.events.ts` types (see
 * `event-shapes.generate.ts`); `event-shapes.spec.ts` fails when the two drift apart.
 */
export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'unknown'
  | { readonly enum: readonly string[] }
  | { readonly array: Shape }
  | { readonly record: Shape }
  | { readonly anyOf: readonly Shape[] }
  | { readonly object: Readonly<Record<string, { readonly shape: Shape; readonly optional?: true }>> };

const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** The first way `value` is not of `shape`, as `path: problem`, or null when it is. Extra fields are allowed. */
export function shapeProblem(shape: Shape, value: unknown, path: string): string | null {
  if (shape === 'unknown') return null;
  if (shape === 'string' || shape === 'boolean' || shape === 'null') return typeOf(value) === shape ? null : `${path} must be ${shape === 'null' ? 'null' : `a ${shape}`}, got ${typeOf(value)}`;
  if (shape === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : `${path} must be a number, got ${typeOf(value)}`;
  if ('enum' in shape) return typeof value === 'string' && shape.enum.includes(value) ? null : `${path} must be one of ${shape.enum.join(', ')}, got ${JSON.stringify(value)?.slice(0, 40)}`;
  if ('anyOf' in shape) {
    const problems = shape.anyOf.map((option) => shapeProblem(option, value, path));
    return problems.includes(null) ? null : problems.join(' or ');
  }
  if ('array' in shape) {
    if (!Array.isArray(value)) return `${path} must be an array, got ${typeOf(value)}`;
    for (const [index, item] of value.entries()) {
      const problem = shapeProblem(shape.array, item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeOf(value) !== 'object') return `${path} must be an object, got ${typeOf(value)}`;
  const fields = value as Record<string, unknown>;
  if ('record' in shape) {
    for (const [key, item] of Object.entries(fields)) {
      const problem = shapeProblem(shape.record, item, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  for (const [name, field] of Object.entries(shape.object)) {
    if (fields[name] === undefined) {
      if (field.optional) continue;
      return `${path}.${name} is missing`;
    }
    const problem = shapeProblem(field.shape, fields[name], `${path}.${name}`);
    if (problem) return problem;
  }
  return null;
}
