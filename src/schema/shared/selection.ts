import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/** Whether the client asked for `field` directly under the resolved field (fragments included). */
export function selectsField(info: GraphQLResolveInfo, field: string): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    !!selectionSet?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** Whether the client asked for `field` of a connection's nodes: under `nodes` or `edges { node }`. */
export function selectsNodeField(info: GraphQLResolveInfo, field: string): boolean {
  const under = (selectionSet: SelectionSetNode | undefined, path: readonly string[]): boolean =>
    !!selectionSet?.selections.some((selection) => {
      if (selection.kind === Kind.INLINE_FRAGMENT) return under(selection.selectionSet, path);
      if (selection.kind === Kind.FRAGMENT_SPREAD) return under(info.fragments[selection.name.value]?.selectionSet, path);
      if (selection.name.value !== path[0]) return false;
      return path.length === 1 || under(selection.selectionSet, path.slice(1));
    });
  return info.fieldNodes.some((node) => under(node.selectionSet, ['nodes', field]) || under(node.selectionSet, ['edges', 'node', field]));
}
