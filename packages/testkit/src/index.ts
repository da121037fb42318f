export * from './environment.js';
export * from './isolation.js';
export * from './processes.js';
export * from './system.js';
export * from './badgekit-client.js';
export * from './kafka.js';
export * from './metrics.js';
export * from './reflection.js';
