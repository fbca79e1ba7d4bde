import { domainEnum } from './domain.enums';

export const ClientStatusEnum = domainEnum(['ACTIVE', 'OFFBOARDED'] as const, 'ClientStatus', 'Whether a client is active (onboarded or reactivated) or offboarded.');
export const ProjectStatusEnum = domainEnum(['ACTIVE', 'COMPLETED', 'CANCELLED'] as const, 'ProjectStatus', 'Lifecycle of a project.');
export const InvoiceStatusEnum = domainEnum(['OPEN', 'PARTIALLY_PAID', 'PAID', 'VOID'] as const, 'InvoiceStatus', 'Payment state of an invoice.');
export const TicketStatusEnum = domainEnum(['open', 'resolved'] as const, 'TicketStatus', 'Whether a ticket is open or resolved.');
export const LeadStatusEnum = domainEnum(['open', 'won', 'lost'] as const, 'LeadStatus', 'Whether a lead is open, won or lost.');
export const CampaignStatusEnum = domainEnum(['ACTIVE', 'ENDED'] as const, 'CampaignStatus', 'Whether a campaign is running or has ended.');
export const ConsultantStatusEnum = domainEnum(['ACTIVE', 'DEACTIVATED'] as const, 'ConsultantStatus', 'Whether a consultant is active.');

export type ClientStatus = 'ACTIVE' | 'OFFBOARDED';
export type CampaignStatus = 'ACTIVE' | 'ENDED';
export type ConsultantStatus = 'ACTIVE' | 'DEACTIVATED';
