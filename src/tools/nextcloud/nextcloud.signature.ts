import { sharedSecretVerifier, type SignatureVerifier } from '../../ingest/receiver/signature-check';

/** Nextcloud signs nothing: the listener is registered with `authMethod: header` and our secret (`WEBHOOK_SECRET_HEADER_NEXTCLOUD`). */
export const verifyNextcloud = (header: string): SignatureVerifier => sharedSecretVerifier(header);
