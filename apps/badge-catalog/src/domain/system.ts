import type { OrganizationFields } from './organization.js';

export interface SystemRecord {
  id: string;
  slug: string;
  name: string;
  url: string;
  description: string | null;
  email: string | null;
  imageId: string | null;
  createdAt: Date;
}

export type SystemFields = OrganizationFields & { imageId?: string | null };
