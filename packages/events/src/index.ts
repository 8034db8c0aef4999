export * from './contract.js';
export * from './routing.js';
export * from './sql.js';
export * from './outbox.js';
export * from './outboxRelay.js';
export * from './processedEvents.js';
export * from './eventsRoute.js';
export * from './relayEnv.js';
