export { systemClock, type Clock } from './clock';
export { createCore, type CoreOptions } from './create-core';
export { consoleLogger, silentLogger, type Logger } from './logger';
