/**
 * The customer-import API family (being built).
 */
import express, { type Router } from 'express';
import type { FamilyOptions } from '../family.js';

export function customerImportRouter(_options: FamilyOptions): Router {
  return express.Router();
}
