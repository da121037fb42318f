/** Public URLs of a badge: they live in service-kit, since issuance's signed credentials name them too. */
export { badgeClassPath, badgeIssuerPath } from '@laurel/service-kit';
