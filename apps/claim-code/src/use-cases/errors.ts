/** Errors that more than one operation answers with. */
import { DomainError } from '@laurel/service-kit';

/** No code of that name in the badge (or site) asked for. */
export const codeNotFound = (code: string): DomainError => DomainError.notFound('claimCode', 'code', code);
