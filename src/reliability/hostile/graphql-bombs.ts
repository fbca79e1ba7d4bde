/** Fragments that each spread the previous one twice: `levels` deep, 2^levels expansions in a few hundred bytes. */
export function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Query { projections { nodes { name } } }'];
  for (let level = 1; level <= levels; level++) fragments.push(`fragment F${level} on Query { ...F${level - 1} ...F${level - 1} }`);
  return `{ ...F${levels} }\n${fragments.join('\n')}`;
}

/** The same cheap field under `count` aliases. */
export const aliasBomb = (count: number, field = 'projections { nodes { name } }') => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;

/** Selections nested `levels` deep: more than any schema path, so it can only be refused. */
export const depthBomb = (levels: number) => `{ ${'projections { '.repeat(levels)}name${' }'.repeat(levels)} }`;

/** Two fragments spreading each other. */
export const fragmentCycle = '{ ...A }\nfragment A on Query { projections { nodes { name } } ...B }\nfragment B on Query { ...A }';
