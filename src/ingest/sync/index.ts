export { loadSyncConfig, readSyncConfig, syncTools, type SyncConfig, type SyncTool } from './sync.config';
export { SyncScheduler, type SyncLog, type SyncSchedulerDeps } from './sync-scheduler';
export { SyncJob, type SyncRunReport } from './sync-job';
export { lastSyncCursor } from './sync-cursor';
