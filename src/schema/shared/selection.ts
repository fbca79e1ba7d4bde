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
