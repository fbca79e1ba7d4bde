import type { Command } from '../../core/messages';

/** `responseId` is the response's id in the survey tool: recording it twice is a no-op. */
export type RecordNpsResponse = Command<
  'RecordNpsResponse',
  { responseId: string; clientId: string; score: number; comment?: string | null }
>;

export type NpsResponseCommand = RecordNpsResponse;
