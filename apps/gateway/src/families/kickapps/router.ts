/**
 * The kickapps API family (being built).
 */
import express, { type Router } from 'express';
import type { FamilyOptions } from '../family.js';

export function kickappsRouter(_options: FamilyOptions): Router {
  return express.Router();
}
