export * from './errors/error-codes.js';
export * from './errors/api-error.schema.js';
export * from './contracts/common.contract.js';
export * from './contracts/users.contract.js';
export * from './contracts/auth.contract.js';
export * from './contracts/settings.contract.js';
export * from './contracts/health.contract.js';
export * from './realtime/base-messages.js';
