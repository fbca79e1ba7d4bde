import { sharedSecretVerifier, type SignatureVerifier } from '../../ingest/receiver/signature-check';

/** Invoice Ninja signs nothing: the subscription sends our secret in a custom header (`WEBHOOK_SECRET_HEADER_INVOICENINJA`). */
export const verifyInvoiceNinja = (header: string): SignatureVerifier => sharedSecretVerifier(header);
