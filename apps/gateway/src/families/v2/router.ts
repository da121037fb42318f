/**
 * The v2 API family (being built).
 */
import express, { type Router } from 'express';
import type { FamilyOptions } from '../family.js';

export function v2Router(_options: FamilyOptions): Router {
  return express.Router();
}
