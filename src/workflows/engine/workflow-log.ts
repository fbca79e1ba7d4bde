/** Where the engine reports what it does; JSON lines on the console by default. */
export interface WorkflowLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const line = (level: string, message: string, fields: Record<string, unknown> = {}) => JSON.stringify({ level, component: 'workflows', msg: message, ...fields });

export const consoleWorkflowLog: WorkflowLog = {
  info: (message, fields) => console.log(line('info', message, fields)),
  warn: (message, fields) => console.warn(line('warn', message, fields)),
  error: (message, fields) => console.error(line('error', message, fields)),
};

export const silentWorkflowLog: WorkflowLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
