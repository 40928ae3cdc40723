export { LOG_TOPICS, eventTopic, type CoreTopic } from './core-topics';
export { createQueryController, type QueryController, type QueryLoad, type QueryState } from './query-controller';
export { useCoreQuery, type CoreQuery, type CoreQueryOptions } from './use-core-query';
