import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Depth of the deepest field of an operation (`{ a { b } }` is 2), following fragments.
 * Introspection fields (`__schema`, `__type`) are not counted: tools ask them and they are bounded.
 * Each fragment's depth is worked out once: fragments spreading the previous one twice, 30 deep,
 * would otherwise be walked 2^30 times, blocking the server for half an hour per request.
 */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentDepths = new Map<string, number>();
  const fragmentDepth = (name: string, visiting: ReadonlySet<string>): number => {
    const known = fragmentDepths.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Cycles are refused by validation before limits are checked; this only keeps the walk finite.
    if (!fragment || visiting.has(name)) return 0;
    const depth = depthOf(fragment.selectionSet, new Set([...visiting, name]));
    fragmentDepths.set(name, depth);
    return depth;
  };
  const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: ReadonlySet<string>): number => {
    if (!selectionSet) return 0;
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else {
        deepest = Math.max(deepest, fragmentDepth(selection.name.value, visiting));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}
