export const commandResolvers: Function[] = [];
