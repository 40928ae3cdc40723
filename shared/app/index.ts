export { systemClock, type Clock } from './clock';
export { createCore, type CoreOptions } from './create-core';
export { consoleLogger, silentLogger, type Logger } from './logger';
export { idleSignOutMsFrom } from './auth/idle-sign-out';
export { DEFAULT_IDLE_SIGN_OUT_MS } from './auth/session';
