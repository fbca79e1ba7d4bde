export const dashboardResolvers: Function[] = [];
