export const entityResolvers: Function[] = [];
