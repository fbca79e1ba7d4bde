import { logger } from '../../logging/logger';

/** Where the engine reports what it does. */
export interface WorkflowLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The process logger (JSON lines), as `component: workflows`. */
export const processWorkflowLog: WorkflowLog = {
  info: (message, fields = {}) => logger.info({ component: 'workflows', ...fields }, message),
  warn: (message, fields = {}) => logger.warn({ component: 'workflows', ...fields }, message),
  error: (message, fields = {}) => logger.error({ component: 'workflows', ...fields }, message),
};

export const silentWorkflowLog: WorkflowLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export const errorText = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
